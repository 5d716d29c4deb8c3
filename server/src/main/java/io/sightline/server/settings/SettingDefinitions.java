package io.sightline.server.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Redash's organization settings (redash/settings/organization.py), with Redash's defaults (those of its
 * environment variables left unset) and the values its settings page offers.
 */
final class SettingDefinitions {

    /** Redash answers this one beside the settings (its organization keeps it apart). */
    static final String GOOGLE_APPS_DOMAINS = "auth_google_apps_domains";

    record Definition(JsonNode defaultValue, SettingKind kind) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Definition> ALL = new LinkedHashMap<>();

    static {
        define("beacon_consent", NODES.nullNode(), SettingKind.optionalBool());
        define("auth_password_login_enabled", true);
        define("auth_saml_enabled", false);
        for (String saml : List.of("auth_saml_type", "auth_saml_entity_id", "auth_saml_metadata_url",
                "auth_saml_nameid_format", "auth_saml_sso_url", "auth_saml_x509_cert", "auth_saml_sp_settings")) {
            define(saml, "");
        }
        define("date_format", NODES.stringNode("DD/MM/YY"),
                SettingKind.oneOf(Set.of("DD/MM/YY", "MM/DD/YY", "YYYY-MM-DD")));
        define("time_format", NODES.stringNode("HH:mm"), SettingKind.oneOf(Set.of("HH:mm", "HH:mm:ss", "HH:mm:ss.SSS")));
        define("integer_format", NODES.stringNode("0,0"), SettingKind.numberFormat());
        define("float_format", NODES.stringNode("0,0.00"), SettingKind.numberFormat());
        define("thousands_separator", NODES.stringNode(","), SettingKind.separator(true));
        define("decimal_separator", NODES.stringNode("."), SettingKind.separator(false));
        define("null_value", NODES.stringNode("null"), SettingKind.text(64));
        define("multi_byte_search_enabled", false);
        define("auth_jwt_login_enabled", false);
        for (String jwt : List.of("auth_jwt_auth_issuer", "auth_jwt_auth_public_certs_url", "auth_jwt_auth_audience")) {
            define(jwt, "");
        }
        define("auth_jwt_auth_algorithms", NODES.arrayNode().add("HS256").add("RS256").add("ES256"), SettingKind.texts());
        define("auth_jwt_auth_cookie_name", "");
        define("auth_jwt_auth_header_name", "");
        define("feature_show_permissions_control", false);
        define("send_email_on_failed_scheduled_queries", false);
        define("hide_plotly_mode_bar", false);
        define("disable_public_urls", false);
        define(GOOGLE_APPS_DOMAINS, NODES.arrayNode(), SettingKind.texts());
    }

    private SettingDefinitions() {
    }

    private static void define(String name, boolean defaultValue) {
        define(name, NODES.booleanNode(defaultValue), SettingKind.bool());
    }

    private static void define(String name, String defaultValue) {
        define(name, NODES.stringNode(defaultValue), SettingKind.text());
    }

    private static void define(String name, JsonNode defaultValue, SettingKind kind) {
        ALL.put(name, new Definition(defaultValue, kind));
    }

    /** Every setting, in Redash's order. */
    static Map<String, Definition> all() {
        return ALL;
    }
}
