package io.sightline.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the workbench keeps its files: system property {@code sightline.desktop.home}, else environment
 * {@code SIGHTLINE_DESKTOP_HOME}, else {@code ~/.sightline-desktop}.
 */
public final class AppHome {

    private AppHome() {
    }

    public static Path directory() {
        String configured = System.getProperty("sightline.desktop.home");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("SIGHTLINE_DESKTOP_HOME");
        }
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".sightline-desktop")
                : Path.of(configured);
    }

    /**
     * Writes {@code text} so that only the user can read it (the file holds API keys): the file is created
     * with owner-only permissions before anything is written, then moved into place.
     */
    public static void writePrivately(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(temp);
                var asFile = temp.toFile();
                asFile.setReadable(false, false);
                asFile.setReadable(true, true);
                asFile.setWritable(false, false);
                asFile.setWritable(true, true);
            }
            Files.writeString(temp, text);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
