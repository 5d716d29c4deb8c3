package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The checks of a user's name, email and password, each naming the field that is wrong. */
final class UserValidation {

    static final int MAX_LENGTH = 320;
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private UserValidation() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required and may not be empty");
        }
        if (name.strip().length() > MAX_LENGTH) {
            throw ApiException.badRequest("'name' is longer than " + MAX_LENGTH + " characters");
        }
        return name.strip();
    }

    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("'email' is required and may not be empty");
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_LENGTH || !EMAIL.matcher(trimmed).matches()) {
            throw ApiException.badRequest("'email' is not a valid email address: '" + trimmed + "'");
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT); // kept lower-case, as Redash keeps them
    }

    static String password(String password) {
        if (password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("'password' must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads no further: a longer password would be refused by the hash, or cut without telling
            throw ApiException.badRequest("'password' must have at most " + MAX_PASSWORD_BYTES
                    + " bytes (as UTF-8); that is what bcrypt uses of it");
        }
        return password;
    }
}
