package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.mariadb;
import static io.sightline.server.datasource.DataSourceFixtures.pg;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.Runs;
import io.sightline.server.support.ServerProcess;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Rotating the secret key (docs/operations/secrets.md) on a PostgreSQL metadata store of its own: data sources and
 * a destination saved under key A; the server restarted with key B and A as previous key (everything still
 * connects); {@code POST /api/admin/secret_key/rotate}; restarted with B alone: every data source still connects
 * and every stored secret is under B.
 */
class SecretKeyRotationTest {

    private static final String DATABASE = "sightline_it_key_rotation";
    private static final String ADMIN_KEY = "it-rotation-admin-key-0123456789";
    private static final String KEY_A = "rotation key A " + unique();
    private static final String KEY_B = "rotation key B " + unique();
    private static final String SUFFIX = unique();
    private static final String USER = "sl_rot_" + SUFFIX;
    private static final String DB = "sl_rot_" + SUFFIX;
    /** The literal password of two data sources, and the value of the variable the third one names. */
    private static final String PASSWORD = System.getenv("SIGHTLINE_DS_IT_MARIADB_PASSWORD");
    private static final Pattern ENCRYPTED = Pattern.compile("\"(enc:v1:[^\"]+)\"");

    @BeforeAll
    static void databases() throws SQLException {
        ServerProcess.freshDatabase(DATABASE);
        DataSourceFixtures.mariadb(
                "CREATE DATABASE " + DB,
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON " + DB + ".* TO '" + USER + "'@'%'",
                "GRANT ALL ON " + DB + ".* TO '" + USER + "'@'localhost'");
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        ServerProcess.dropDatabase(DATABASE);
        DataSourceFixtures.mariadb(
                "DROP USER IF EXISTS '" + USER + "'@'%'",
                "DROP USER IF EXISTS '" + USER + "'@'localhost'",
                "DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void rotationLeavesEveryDataSourceConnectable() throws SQLException {
        List<Long> sources = new ArrayList<>();
        ConfigurableApplicationContext server = start(KEY_A, null);
        try {
            Api api = ServerProcess.api(server, ADMIN_KEY);
            sources.add(create(api, "mysql", mariadb(USER, PASSWORD, DB)));
            Map<String, Object> postgres = new LinkedHashMap<>(pg("test"));
            postgres.put("password", "pg-literal-" + SUFFIX);
            sources.add(create(api, "pg", postgres));
            sources.add(create(api, "mysql", mariadb(USER, "env:SIGHTLINE_DS_IT_MARIADB_PASSWORD", DB)));
            var hook = api.post("/api/destinations", Map.of("name", "rotation hook", "type", "webhook",
                    "options", Map.of("url", "http://127.0.0.1:9/hook", "secret", "hook-secret-" + SUFFIX)));
            assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        } finally {
            ServerProcess.close(server);
        }
        assertThat(storedSecrets()).as("two passwords, the webhook's URL and secret").hasSize(4)
                .allSatisfy(stored -> assertThat(cipher(KEY_A).decrypt(stored)).isNotBlank());

        server = start(KEY_B, KEY_A);
        try {
            Api api = ServerProcess.api(server, ADMIN_KEY);
            sources.forEach(id -> assertConnects(api, id));
            sources.add(create(api, "mysql", mariadb(USER, PASSWORD, DB))); // encrypted under B already

            var rotated = api.post("/api/admin/secret_key/rotate", Map.of());

            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            JsonNode answer = rotated.json();
            assertThat(answer.path("reencrypted").asInt()).as(answer.toString()).isEqualTo(3);
            assertThat(answer.path("data_sources").path("reencrypted").asInt()).isEqualTo(2);
            assertThat(answer.path("data_sources").path("already_current").asInt()).as("the reference and the new one")
                    .isEqualTo(2);
            assertThat(answer.path("destinations").path("reencrypted").asInt()).isEqualTo(1);
            assertThat(answer.path("complete").asBoolean()).isTrue();
            JsonNode again = api.post("/api/admin/secret_key/rotate", Map.of()).json();
            assertThat(again.path("reencrypted").asInt()).as("idempotent: " + again).isZero();
            assertThat(again.path("already_current").asInt()).isEqualTo(5);
            sources.forEach(id -> assertConnects(api, id));
        } finally {
            ServerProcess.close(server);
        }
        assertThat(storedSecrets()).hasSize(5).allSatisfy(stored -> {
            assertThat(cipher(KEY_B).decrypt(stored)).isNotBlank();
            assertThat(cipher(KEY_A).isCurrent(stored)).isFalse();
        });

        server = start(KEY_B, null);
        try {
            Api api = ServerProcess.api(server, ADMIN_KEY);
            sources.forEach(id -> assertConnects(api, id));
            JsonNode result = new Runs(api).result(sources.get(0), "SELECT CURRENT_USER() AS who");
            assertThat(result.path("data").path("rows").get(0).path("who").asString()).startsWith(USER + "@");
        } finally {
            ServerProcess.close(server);
        }
    }

    private static ConfigurableApplicationContext start(String key, String previous) {
        ServerProcess process = ServerProcess.of("all", DATABASE, ADMIN_KEY).with("sightline.secret-key", key);
        if (previous != null) {
            process.with("sightline.previous-secret-keys", previous);
        }
        return process.start();
    }

    private static void assertConnects(Api api, long id) {
        var answer = api.post("/api/data_sources/" + id + "/test", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("ok").asBoolean()).as("data source " + id + ": " + answer.body()).isTrue();
    }

    private static long create(Api api, String type, Map<String, Object> options) {
        var response = api.post("/api/data_sources", body("rotation " + unique(), type, options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private static CredentialCipher cipher(String passphrase) {
        return new CredentialCipher(CredentialKeys.fromPassphrase(passphrase));
    }

    /** Every encrypted value in the data sources' and destinations' stored options. */
    private static List<String> storedSecrets() throws SQLException {
        List<String> values = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT options FROM data_sources UNION ALL"
                     + " SELECT options FROM notification_destinations")) {
            while (rows.next()) {
                Matcher m = ENCRYPTED.matcher(rows.getString(1));
                while (m.find()) {
                    values.add(m.group(1));
                }
            }
        }
        return values;
    }
}
