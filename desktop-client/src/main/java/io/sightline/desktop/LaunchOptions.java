package io.sightline.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options: {@code --server=URL} with {@code --api-key=KEY} or {@code --api-key-file=PATH}
 * connect at once (as {@code ./sightline up} does); without them the connection screen asks.
 */
public record LaunchOptions(String server, String apiKey) {

    public static LaunchOptions parse(List<String> args) {
        String server = System.getenv("SIGHTLINE_SERVER");
        String key = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(i + 1) : null;
            boolean separate = !arg.contains("=");
            if (arg.startsWith("--server")) {
                server = value;
            } else if (arg.startsWith("--api-key-file")) {
                key = read(Path.of(value));
            } else if (arg.startsWith("--api-key")) {
                key = value;
            } else {
                continue;
            }
            if (separate) {
                i++;
            }
        }
        return new LaunchOptions(server, key);
    }

    public boolean connectsAtOnce() {
        return server != null && !server.isBlank() && apiKey != null && !apiKey.isBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API key file " + file + ": " + e.getMessage(), e);
        }
    }
}
