package io.sightline.desktop.connection;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.desktop.AppHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys in {@code api-keys.json}, when there is no OS keyring: the file is readable only by the user
 * ({@code rw-------}) and so is its directory ({@code rwx------}), like {@code ~/.ssh}.
 */
final class FileSecretStore implements SecretStore {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Keys(@JsonProperty("api_keys") Map<String, String> byServer) {
    }

    private final Path file;

    FileSecretStore(Path directory) {
        this.file = directory.resolve("api-keys.json");
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> read(String server) {
        return Optional.ofNullable(load().get(server));
    }

    @Override
    public synchronized void keep(String server, String apiKey) {
        Map<String, String> keys = load();
        keys.put(server, apiKey);
        save(keys);
    }

    @Override
    public synchronized void forget(String server) {
        Map<String, String> keys = load();
        if (keys.remove(server) != null) {
            save(keys);
        }
    }

    @Override
    public String whereKept() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path shown = file.toAbsolutePath();
        String where = shown.startsWith(home) ? "~/" + home.relativize(shown) : shown.toString();
        return "in " + where + " (no system keyring here; the file is readable only by you)";
    }

    private Map<String, String> load() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            Keys keys = JSON.readValue(Files.readString(file), Keys.class);
            return keys.byServer() == null ? new TreeMap<>() : new TreeMap<>(keys.byServer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return new TreeMap<>(); // a damaged file only costs the user typing the key again
        }
    }

    private void save(Map<String, String> keys) {
        AppHome.writePrivately(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Keys(keys)));
        ownerOnly(file.getParent());
    }

    private static void ownerOnly(Path directory) {
        try {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot protect " + directory + ": " + e.getMessage(), e);
        }
    }
}
