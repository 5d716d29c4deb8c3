package io.sightline.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the installer module's package phase made (installer/README.md). */
final class Built {

    static final Path TARGET = Path.of(System.getProperty("installer.target", "target")).toAbsolutePath();
    static final Path ROOT = Path.of(System.getProperty("sightline.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("installer.version", "0.1.0-SNAPSHOT");

    private Built() {
    }

    static Path tarball() {
        Path tarball = TARGET.resolve("sightline-server-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(tarball)) {
            throw new AssertionError("No server tarball " + tarball + ": mvn -pl installer -am -DskipTests package");
        }
        return tarball;
    }

    static Path deb() {
        try (var files = Files.list(TARGET.resolve("installers"))) {
            var debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw new AssertionError("Expected one .deb in target/installers, found " + debs);
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("No target/installers: the .deb is built on Linux by the package phase", e);
        }
    }

    /** A fresh directory under target/installer-it, kept after the run for a look (screenshots, logs). */
    static Path scratch(String name) throws IOException, InterruptedException {
        Path dir = TARGET.resolve("installer-it").resolve(name);
        if (Files.exists(dir)) {
            Command.ok("rm", "-rf", dir.toString());
        }
        return Files.createDirectories(dir);
    }
}
