package io.sightline.server.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Data source secrets given by reference: checked against the allow-list when saved, read when connecting, never
 * stored read. Every failure is a {@link SecretReferenceException} naming the reference and the problem.
 */
@Component
public class SecretReferences {

    private final String envPrefix;
    private final List<Path> directories;

    public SecretReferences(SecretReferenceProperties properties) {
        this.envPrefix = properties.envPrefix();
        this.directories = properties.directories().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * Checks a value about to be saved: a literal passes; a reference must be well formed, allowed, and readable
     * on this server now (so that a typo is found when saving, not at the first run).
     */
    public void check(Object value) {
        SecretReference.parse(value).ifPresent(this::resolve);
    }

    /** The secret {@code value} stands for: itself when it is a literal, what it refers to otherwise. */
    public String resolve(String value) {
        Optional<SecretReference> reference = SecretReference.parse(value);
        return reference.isPresent() ? resolve(reference.get()) : value;
    }

    public String resolve(SecretReference reference) {
        return switch (reference.kind()) {
            case ENV -> {
                if (!reference.target().startsWith(envPrefix)) {
                    throw new SecretReferenceException(reference + " is not allowed: data source secrets may only name"
                            + " environment variables whose names start with " + envPrefix);
                }
                yield SecretFiles.env(reference.target(), reference.toString());
            }
            case FILE -> SecretFiles.read(allowed(reference), reference.toString());
        };
    }

    /** The file's real path (symbolic links followed), when it lies under an allowed directory. */
    private Path allowed(SecretReference reference) {
        Path given = Path.of(reference.target()).normalize();
        String notAllowed = reference + " is not allowed: data source secrets may only be read from files under "
                + (directories.isEmpty() ? "no directory (none is configured)"
                        : directories.stream().map(Path::toString).collect(Collectors.joining(", ")));
        if (directories.stream().noneMatch(given::startsWith)) {
            throw new SecretReferenceException(notAllowed);
        }
        Path real;
        try {
            real = given.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SecretReferenceException(reference + ": no such file on this server");
        } catch (IOException e) {
            throw new SecretReferenceException(reference + ": the server cannot read the file ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (directories.stream().map(SecretReferences::real).flatMap(Optional::stream).noneMatch(real::startsWith)) {
            // a symbolic link out of the allowed directories
            throw new SecretReferenceException(notAllowed);
        }
        return real;
    }

    private static Optional<Path> real(Path directory) {
        try {
            return Files.isDirectory(directory) ? Optional.of(directory.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
