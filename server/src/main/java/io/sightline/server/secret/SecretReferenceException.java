package io.sightline.server.secret;

/**
 * A secret reference that is malformed, not allowed, or cannot be read now. Its message names the reference and the
 * problem, never a secret value.
 */
public class SecretReferenceException extends RuntimeException {

    public SecretReferenceException(String message) {
        super(message);
    }
}
