package io.sightline.server.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether email and password may sign in: not when the server's environment turns it off
 * ({@code SIGHTLINE_PASSWORD_LOGIN_ENABLED=false}), nor when an admin turns off the organization setting
 * {@code auth_password_login_enabled}. API keys work either way, so an admin can always turn it back on.
 */
@Component
class PasswordLogin {

    static final String OFF = "Password login is turned off on this server: sign in with single sign-on";

    private final boolean allowedByEnvironment;
    private final ObjectProvider<PasswordLoginSetting> setting;

    PasswordLogin(@Value("${sightline.login.password-enabled:true}") boolean allowedByEnvironment,
                  ObjectProvider<PasswordLoginSetting> setting) {
        this.allowedByEnvironment = allowedByEnvironment;
        this.setting = setting;
    }

    boolean enabled() {
        if (!allowedByEnvironment) {
            return false;
        }
        PasswordLoginSetting organization = setting.getIfAvailable();
        return organization == null || organization.passwordLoginEnabled();
    }
}
