package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.ApiKeyHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 12 on a metadata store of before it, on H2 and on PostgreSQL: every key becomes its hash, the plain
 * column is gone, and so keys in use before the upgrade keep working.
 */
class HashUserApiKeysMigrationTest {

    private static final String PG_DB = "sightline_it_keys_migration";

    @Test
    void hashesExistingKeysOnH2() {
        migrate(new DriverManagerDataSource("jdbc:h2:mem:it-keys-migration;MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void hashesExistingKeysOnPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DB);
            s.execute("CREATE DATABASE " + PG_DB);
        }
        migrate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + PG_DB, "postgres", ""));
    }

    private static void migrate(DriverManagerDataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("8")).load().migrate();
        var jdbc = JdbcClient.create(db);
        jdbc.sql("""
                INSERT INTO users (name, email, api_key, auth_type, created_at, updated_at)
                VALUES ('Old', 'old@example.com', 'old-plain-key-0123456789', 'password', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .update();

        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .javaMigrations(new HashUserApiKeysMigration()).load().migrate();

        assertThat(jdbc.sql("SELECT api_key_hash FROM users WHERE email = 'old@example.com'").query(String.class).single())
                .isEqualTo(ApiKeyHash.of("old-plain-key-0123456789"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'users'"
                + " AND LOWER(column_name) = 'api_key'").query(Long.class).single()).isZero();
    }
}
