package io.sightline.server.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a secret from a file or the environment, the same way for data sources and the server's own settings. */
final class SecretFiles {

    /** Larger than any password or key: a reference to a big file is a mistake, not a secret. */
    static final int MAX_BYTES = 64 * 1024;

    private SecretFiles() {
    }

    /** The file's text without its trailing line breaks ({@code echo secret > file} adds one). */
    static String read(Path file, String reference) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SecretReferenceException(reference + ": no such file on this server");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SecretReferenceException(reference + ": the file is larger than " + MAX_BYTES / 1024
                        + " KB, which no secret is");
            }
            return nonEmpty(stripLineBreaks(Files.readString(file, StandardCharsets.UTF_8)), reference, "the file is empty");
        } catch (NoSuchFileException e) {
            throw new SecretReferenceException(reference + ": no such file on this server");
        } catch (IOException e) {
            throw new SecretReferenceException(reference + ": the server cannot read the file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static String env(String name, String reference) {
        String value = System.getenv(name);
        if (value == null) {
            throw new SecretReferenceException(reference + ": the environment variable " + name
                    + " is not set on this server");
        }
        return nonEmpty(value, reference, "the environment variable is empty");
    }

    private static String nonEmpty(String value, String reference, String problem) {
        if (value.isEmpty()) {
            throw new SecretReferenceException(reference + ": " + problem);
        }
        return value;
    }

    private static String stripLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
