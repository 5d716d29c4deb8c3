package io.sightline.server.settings;

import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.server.auth.ClientConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The organization's formats in {@code client_config}, with Redash's keys ({@code date_time_format_config},
 * {@code number_format_config}, {@code null_value_config}): what Redash's clients format dates, numbers and nulls
 * by. Every signed-in user reads them; changing them is for admins ({@code /api/settings/organization}).
 */
@Component
class FormatsClientConfig implements ClientConfig {

    private final OrganizationSettings settings;

    FormatsClientConfig(OrganizationSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> entries() {
        Map<String, JsonNode> current = settings.current();
        OrganizationFormats formats = settings.formats();
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("dateFormat", formats.dateFormat());
        entries.put("dateTimeFormat", formats.dateTimeFormat());
        entries.put("integerFormat", formats.integerFormat());
        entries.put("floatFormat", formats.floatFormat());
        entries.put("thousandsSeparator", text(current, "thousands_separator"));
        entries.put("decimalSeparator", text(current, "decimal_separator"));
        entries.put("nullValue", text(current, "null_value"));
        return entries;
    }

    private static String text(Map<String, JsonNode> settings, String name) {
        JsonNode value = settings.get(name);
        return value == null ? "" : value.asString();
    }
}
