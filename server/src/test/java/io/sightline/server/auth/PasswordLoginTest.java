package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The environment's switch wins over the organization setting (OidcLoginTest turns the setting off over HTTP): an
 * operator who turns password login off cannot be overruled by an admin's setting.
 */
class PasswordLoginTest {

    private static PasswordLogin with(boolean environment, Boolean setting) {
        var beans = new StaticListableBeanFactory();
        if (setting != null) {
            beans.addBean("setting", (PasswordLoginSetting) () -> setting);
        }
        return new PasswordLogin(environment, beans.getBeanProvider(PasswordLoginSetting.class));
    }

    @Test
    void offInTheEnvironmentStaysOffWhateverTheSetting() {
        assertThat(with(false, true).enabled()).isFalse();
        assertThat(with(false, null).enabled()).isFalse();
    }

    @Test
    void onInTheEnvironmentFollowsTheSetting() {
        assertThat(with(true, true).enabled()).isTrue();
        assertThat(with(true, false).enabled()).isFalse();
        assertThat(with(true, null).enabled()).as("no settings (a worker)").isTrue();
    }
}
