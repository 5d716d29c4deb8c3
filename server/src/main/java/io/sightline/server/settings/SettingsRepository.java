package io.sightline.server.settings;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organization_settings} table: the settings changed from their defaults, as JSON texts. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> stored() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT setting_name, setting_value FROM organization_settings")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    /** Sets or, with {@code json} null, removes (back to the default). */
    void put(String name, String json, OffsetDateTime now) {
        jdbc.sql("DELETE FROM organization_settings WHERE setting_name = ?").param(name).update();
        if (json != null) {
            jdbc.sql("INSERT INTO organization_settings (setting_name, setting_value, updated_at) VALUES (?, ?, ?)")
                    .params(name, json, now).update();
        }
    }
}
