package io.sightline.server.secret;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a secret is read from instead of being written down: {@code env:NAME} (an environment variable of the server
 * process) or {@code file:/path} (a file, such as a mounted Kubernetes Secret or a Vault agent's output). The
 * reference itself is not secret: it is stored as written and shown back as written.
 */
public record SecretReference(Kind kind, String target) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public enum Kind {
        ENV("env:"), FILE("file:");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Whether {@code value} is written as a reference ({@code env:} or {@code file:} first), well formed or not. */
    public static boolean looksLikeOne(Object value) {
        return value instanceof String s && (s.startsWith(Kind.ENV.prefix) || s.startsWith(Kind.FILE.prefix));
    }

    /**
     * The reference {@code value} is, or empty when it is a literal.
     *
     * @throws SecretReferenceException when it starts like a reference but names no variable or no absolute path
     */
    public static Optional<SecretReference> parse(Object value) {
        if (!looksLikeOne(value)) {
            return Optional.empty();
        }
        String text = (String) value;
        if (text.startsWith(Kind.ENV.prefix)) {
            String name = text.substring(Kind.ENV.prefix.length());
            if (!ENV_NAME.matcher(name).matches()) {
                throw new SecretReferenceException("'" + text + "' is not a valid reference: after env: comes the name"
                        + " of an environment variable (letters, digits and _)");
            }
            return Optional.of(new SecretReference(Kind.ENV, name));
        }
        String path = text.substring(Kind.FILE.prefix.length());
        if (!path.startsWith("/")) {
            throw new SecretReferenceException("'" + text + "' is not a valid reference: after file: comes an absolute"
                    + " path, such as file:/run/secrets/db-password");
        }
        return Optional.of(new SecretReference(Kind.FILE, path));
    }

    /** The reference as written: safe to store, log and show. */
    @Override
    public String toString() {
        return kind.prefix + target;
    }
}
