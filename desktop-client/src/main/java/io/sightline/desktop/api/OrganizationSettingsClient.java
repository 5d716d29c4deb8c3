package io.sightline.desktop.api;

import io.sightline.common.visualization.OrganizationFormats;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Redash's {@code /api/settings/organization} (admins only) and the formats {@code GET /api/session} hands every
 * signed-in user, over the workbench's transport. Every method blocks: call it from a background task.
 */
public final class OrganizationSettingsClient {

    private static final String PATH = "api/settings/organization";

    private final SightlineClient transport;

    public OrganizationSettingsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** Every setting with its value or default, by Redash's names ({@code date_format}, ...). */
    public Map<String, JsonNode> settings() {
        return read(transport.get(transport.url(PATH)));
    }

    /**
     * Changes the settings given (the server checks them all before storing any).
     *
     * @return the settings as they are now
     * @throws ApiException with the server's message naming a refused value
     */
    public Map<String, JsonNode> save(Map<String, Object> changes) {
        return read(transport.post(transport.url(PATH), changes));
    }

    /** The formats as {@code client_config} of {@code GET /api/session} tells them. */
    public OrganizationFormats formats() {
        return formatsOf(transport.get(transport.url("api/session")).path("client_config"));
    }

    static OrganizationFormats formatsOf(JsonNode clientConfig) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : new String[] {"dateFormat", "dateTimeFormat", "integerFormat", "floatFormat"}) {
            JsonNode value = clientConfig.path(key);
            if (value.isString()) {
                texts.put(key, value.asString());
            }
        }
        return OrganizationFormats.ofClientConfig(texts);
    }

    private static Map<String, JsonNode> read(JsonNode answer) {
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        answer.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }
}
