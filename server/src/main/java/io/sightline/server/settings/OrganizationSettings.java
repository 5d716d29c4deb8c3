package io.sightline.server.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redash's organization settings: every known setting with its value or default (a setting whose value and
 * default are both null is left out, as Redash does), changed by admins only. A change is checked whole before any
 * of it is stored.
 */
@Service
public class OrganizationSettings {

    /** How long another server process may show formats an admin has just changed (a change here: none). */
    static final Duration FORMATS_KEPT_FOR = Duration.ofSeconds(2);

    private final SettingsRepository repository;
    private final JsonMapper json;
    /** Every shared widget's answer reads the formats: one read of the table per {@link #FORMATS_KEPT_FOR}. */
    private final Cache<Boolean, OrganizationFormats> formats = Caffeine.newBuilder()
            .expireAfterWrite(FORMATS_KEPT_FOR).maximumSize(1).build();

    OrganizationSettings(SettingsRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** The settings as {@code GET /api/settings/organization} answers them (without the admin check). */
    public Map<String, JsonNode> current() {
        Map<String, String> stored = repository.stored();
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        SettingDefinitions.all().forEach((name, definition) -> {
            String text = stored.get(name);
            JsonNode value = text == null ? definition.defaultValue() : json.readTree(text);
            if (!value.isNull()) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    /** The date and number formats visualizations fall back to (what {@code client_config} tells clients). */
    public OrganizationFormats formats() {
        return formats.get(Boolean.TRUE, k -> {
            Map<String, JsonNode> current = current();
            return OrganizationFormats.ofSettings(text(current, "date_format"), text(current, "time_format"),
                    text(current, "integer_format"), text(current, "float_format"));
        });
    }

    private static String text(Map<String, JsonNode> settings, String name) {
        JsonNode value = settings.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }

    Map<String, JsonNode> forAdmin(SightlineUser caller) {
        requireAdmin(caller);
        return current();
    }

    /**
     * Sets the settings given; {@code null} puts one back to its default.
     *
     * @throws ApiException 403 for a non-admin, 400 naming an unknown setting or a value it does not take
     */
    @Transactional
    Map<String, JsonNode> change(SightlineUser caller, JsonNode changes) {
        requireAdmin(caller);
        if (changes == null || !changes.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object of settings, e.g. {\"date_format\": \"YYYY-MM-DD\"}");
        }
        var definitions = SettingDefinitions.all();
        for (String name : changes.propertyNames()) {
            var definition = definitions.get(name);
            if (definition == null) {
                throw ApiException.badRequest("'" + name + "' is not an organization setting; known settings: "
                        + String.join(", ", new TreeSet<>(definitions.keySet())));
            }
            JsonNode value = changes.get(name);
            if (!value.isNull()) {
                definition.kind().check(name, value);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String name : changes.propertyNames()) {
            JsonNode value = changes.get(name);
            repository.put(name, value.isNull() ? null : json.writeValueAsString(value), now);
        }
        formats.invalidateAll();
        // a read between here and the commit would keep the old formats: forget them once committed too
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                formats.invalidateAll();
            }
        });
        return current();
    }

    private static void requireAdmin(SightlineUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins may see or change the organization's settings");
        }
    }
}
