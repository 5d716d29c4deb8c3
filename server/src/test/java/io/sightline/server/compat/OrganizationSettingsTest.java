package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/settings/organization}, following Redash's {@code TestOrganizationSettings}
 * (tests/handlers/test_settings.py), with Sightline's checks of keys and values.
 */
class OrganizationSettingsTest extends EmbeddedServerTest {

    private static final String PATH = "/api/settings/organization";

    @AfterEach
    void backToDefaults() {
        Map<String, Object> reset = new HashMap<>();
        for (String name : List.of("auth_password_login_enabled", "thousands_separator", "decimal_separator",
                "auth_google_apps_domains", "date_format", "float_format")) {
            reset.put(name, null);
        }
        assertThat(api().post(PATH, reset).status()).isEqualTo(200);
    }

    /** Redash's test_post. */
    @Test
    void post() {
        var off = api().post(PATH, Map.of("auth_password_login_enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().path("settings").path("auth_password_login_enabled").asBoolean(true)).isFalse();
        assertThat(settings().path("auth_password_login_enabled").asBoolean(true)).isFalse();

        var on = api().post(PATH, Map.of("auth_password_login_enabled", true));
        assertThat(on.json().path("settings").path("auth_password_login_enabled").asBoolean(false)).isTrue();
        assertThat(settings().path("auth_password_login_enabled").asBoolean(false)).isTrue();
    }

    /** Redash's test_updates_number_separators. */
    @Test
    void updatesNumberSeparators() {
        var changed = api().post(PATH, Map.of("thousands_separator", " ", "decimal_separator", ","));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("settings").path("thousands_separator").asString()).isEqualTo(" ");
        assertThat(changed.json().path("settings").path("decimal_separator").asString()).isEqualTo(",");
        assertThat(settings().path("thousands_separator").asString()).isEqualTo(" ");
        assertThat(settings().path("decimal_separator").asString()).isEqualTo(",");
    }

    /** Redash's test_get_returns_default_number_separators, and the other defaults Redash answers. */
    @Test
    void getReturnsDefaultNumberSeparators() {
        JsonNode settings = settings();
        assertThat(settings.path("thousands_separator").asString()).isEqualTo(",");
        assertThat(settings.path("decimal_separator").asString()).isEqualTo(".");
        assertThat(settings.path("date_format").asString()).isEqualTo("DD/MM/YY");
        assertThat(settings.path("time_format").asString()).isEqualTo("HH:mm");
        assertThat(settings.path("integer_format").asString()).isEqualTo("0,0");
        assertThat(settings.path("float_format").asString()).isEqualTo("0,0.00");
        assertThat(settings.path("null_value").asString()).isEqualTo("null");
        assertThat(settings.path("multi_byte_search_enabled").isBoolean()).isTrue();
        assertThat(settings.path("send_email_on_failed_scheduled_queries").isBoolean()).isTrue();
        assertThat(settings.path("auth_jwt_auth_algorithms").isArray()).isTrue();
        assertThat(settings.has("beacon_consent")).as("left out while null, as Redash").isFalse();
    }

    /** Redash's test_updates_google_apps_domains and test_get_returns_google_appas_domains. */
    @Test
    void updatesGoogleAppsDomains() {
        assertThat(settings().path("auth_google_apps_domains").isArray()).isTrue();
        var changed = api().post(PATH, Map.of("auth_google_apps_domains", List.of("example.com")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(settings().path("auth_google_apps_domains").get(0).asString()).isEqualTo("example.com");
    }

    @Test
    void anUnknownSettingIsRefusedNamingItAndNothingIsStored() {
        var refused = api().post(PATH, Map.of("date_format", "YYYY-MM-DD", "no_such_setting", 1));
        assertThat(refused.status()).as("Redash fails with 500").isEqualTo(400);
        assertThat(refused.message()).contains("'no_such_setting'");
        assertThat(settings().path("date_format").asString()).as("nothing of a refused change is kept")
                .isEqualTo("DD/MM/YY");
    }

    @Test
    void valuesAreCheckedAsRedashsSettingsPageOffersThem() {
        var date = api().post(PATH, Map.of("date_format", "DD.MM.YYYY"));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.message()).contains("'date_format'").contains("YYYY-MM-DD");
        var flag = api().post(PATH, Map.of("auth_password_login_enabled", "false"));
        assertThat(flag.status()).isEqualTo(400);
        assertThat(flag.message()).contains("'auth_password_login_enabled'");
        var format = api().post(PATH, Map.of("float_format", "drop table"));
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.message()).contains("'float_format'");
        assertThat(api().post(PATH, "[]").status()).isEqualTo(400);

        var ok = api().post(PATH, Map.of("date_format", "YYYY-MM-DD", "float_format", "0,0.000"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("settings").path("date_format").asString()).isEqualTo("YYYY-MM-DD");
        Map<String, Object> reset = new HashMap<>();
        reset.put("date_format", null);
        assertThat(api().post(PATH, reset).json().path("settings").path("date_format").asString())
                .as("null puts a setting back to its default").isEqualTo("DD/MM/YY");
    }

    @Test
    void onlyAdminsSeeOrChangeTheSettings() {
        var user = new AccessFixtures(api()).user("SettingsReader");
        assertThat(user.api().get(PATH).status()).isEqualTo(403);
        var refused = user.api().post(PATH, Map.of("date_format", "YYYY-MM-DD"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(settings().path("date_format").asString()).isEqualTo("DD/MM/YY");
        assertThat(anonymous().get(PATH).status()).isEqualTo(401);
    }

    /** Redash's client_config: every signed-in user's client formats values by the organization's settings. */
    @Test
    void everyUsersSessionCarriesTheFormatsAsRedashsClientConfig() {
        var user = new AccessFixtures(api()).user("FormatReader");
        JsonNode before = user.api().get("/api/session").json().path("client_config");
        assertThat(before.path("dateFormat").asString()).isEqualTo("DD/MM/YY");
        assertThat(before.path("dateTimeFormat").asString()).isEqualTo("DD/MM/YY HH:mm");
        assertThat(before.path("integerFormat").asString()).isEqualTo("0,0");
        assertThat(before.path("floatFormat").asString()).isEqualTo("0,0.00");
        assertThat(before.path("nullValue").asString()).isEqualTo("null");

        assertThat(api().post(PATH, Map.of("date_format", "YYYY-MM-DD", "float_format", "0,0.000",
                "thousands_separator", " ")).status()).isEqualTo(200);

        JsonNode after = user.api().get("/api/session").json().path("client_config");
        assertThat(after.path("dateFormat").asString()).isEqualTo("YYYY-MM-DD");
        assertThat(after.path("dateTimeFormat").asString()).isEqualTo("YYYY-MM-DD HH:mm");
        assertThat(after.path("floatFormat").asString()).isEqualTo("0,0.000");
        assertThat(after.path("thousandsSeparator").asString()).isEqualTo(" ");
        assertThat(after.path("version").asString()).isNotBlank();
    }

    private JsonNode settings() {
        var got = api().get(PATH);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json().path("settings");
    }
}
