package io.sightline.server.auth;

/**
 * The organization setting {@code auth_password_login_enabled}, read where the settings live (they depend on this
 * package, not the other way round).
 */
public interface PasswordLoginSetting {

    boolean passwordLoginEnabled();
}
