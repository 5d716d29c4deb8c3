package io.sightline.server.auth;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 12: users' API keys were stored as they are; from now on only their SHA-256 is. Written in Java
 * because H2 and PostgreSQL name their hash functions differently, and the hash must be the one
 * {@link ApiKeys#hash} computes. Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class HashUserApiKeysMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "hash user api keys";
    }

    @Override
    public Integer getChecksum() {
        return 12_0001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users ADD COLUMN api_key_hash VARCHAR(64)");
        }
        Map<Long, String> keys = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
             var rows = select.executeQuery("SELECT id, api_key FROM users")) {
            while (rows.next()) {
                keys.put(rows.getLong(1), rows.getString(2));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE users SET api_key_hash = ? WHERE id = ?")) {
            for (var entry : keys.entrySet()) {
                update.setString(1, ApiKeys.hash(entry.getValue()));
                update.setLong(2, entry.getKey());
                update.addBatch();
            }
            if (!keys.isEmpty()) {
                update.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users DROP COLUMN api_key");
            ddl.execute("ALTER TABLE users ALTER COLUMN api_key_hash SET NOT NULL");
            ddl.execute("ALTER TABLE users ADD CONSTRAINT users_api_key_hash_key UNIQUE (api_key_hash)");
        }
    }
}
