package io.sightline.server.settings;

import io.sightline.server.auth.PasswordLoginSetting;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code auth_password_login_enabled} as the login reads it: on unless an admin turned it off. */
@Component
class PasswordLoginOrganizationSetting implements PasswordLoginSetting {

    private final OrganizationSettings settings;

    PasswordLoginOrganizationSetting(OrganizationSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean passwordLoginEnabled() {
        JsonNode value = settings.current().get("auth_password_login_enabled");
        return value == null || !value.isBoolean() || value.booleanValue();
    }
}
