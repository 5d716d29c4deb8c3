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
 * and every stored secret is under B. The links signed under A (an invitation, a dashboard's embed link) keep working
 * while A is a previous key, and stop once it is dropped.
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
        String invitation;
        String embed;
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
            invitation = invitationPath(api);
            embed = embedToken(api);
            assertLinks(server, invitation, embed, 200, 200);
        } finally {
            ServerProcess.close(server);
        }
        assertThat(storedSecrets()).as("two passwords, the webhook's URL and secret").hasSize(4)
                .allSatisfy(stored -> assertThat(cipher(KEY_A).decrypt(stored)).isNotBlank());

        server = start(KEY_B, KEY_A);
        try {
            Api api = ServerProcess.api(server, ADMIN_KEY);
            sources.forEach(id -> assertConnects(api, id));
            assertLinks(server, invitation, embed, 200, 200);
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
            assertLinks(server, invitation, embed, 400, 404);
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

    /** The path of a new pending user's invitation link. */
    private static String invitationPath(Api api) {
        var invited = api.post("/api/users", Map.of("name", "Rotation invitee", "email",
                "invitee-" + SUFFIX + "@rotation.example.com"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        String link = invited.json().path("invite_link").asString();
        return link.substring(link.indexOf("/invite/"));
    }

    /** The token of an embed link of a new shared dashboard. */
    private static String embedToken(Api api) {
        var dashboard = api.post("/api/dashboards", Map.of("name", "Rotation " + SUFFIX));
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        long id = dashboard.json().path("id").asLong();
        assertThat(api.post("/api/dashboards/" + id + "/share", Map.of()).status()).isEqualTo(200);
        var embedded = api.post("/api/dashboards/" + id + "/embed", Map.of());
        assertThat(embedded.status()).as(embedded.toString()).isEqualTo(200);
        return embedded.json().path("token").asString();
    }

    private static void assertLinks(ConfigurableApplicationContext server, String invitation, String embed,
                                    int invitationStatus, int embedStatus) {
        Api anonymous = ServerProcess.api(server, null);
        var page = anonymous.get(invitation);
        assertThat(page.status()).as("the invitation page: " + page).isEqualTo(invitationStatus);
        var shared = anonymous.get("/api/dashboards/public/" + embed);
        assertThat(shared.status()).as("the embedded dashboard: " + shared).isEqualTo(embedStatus);
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
