package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceApiTest.with;
import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.pg;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.system.ApiException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Connection tests against the machine's real PostgreSQL and MariaDB, DuckDB files, and the pooled Java API. */
class DataSourceConnectionTest extends EmbeddedServerTest {

    private static final String SUFFIX = unique();
    private static final String MARIADB_USER = "sl_ds_" + SUFFIX;
    private static final String MARIADB_PASSWORD = "pw-" + SUFFIX + "-Secret";
    private static final String MARIADB_DB = "sl_ds_" + SUFFIX;

    @TempDir
    static Path files;

    @Autowired
    DataSources dataSources;

    @BeforeAll
    static void mariadbUserWithAPassword() throws SQLException {
        DataSourceFixtures.mariadb(
                "CREATE DATABASE " + MARIADB_DB,
                "CREATE DATABASE " + MARIADB_DB + "_b",
                "CREATE USER '" + MARIADB_USER + "'@'%' IDENTIFIED BY '" + MARIADB_PASSWORD + "'",
                "CREATE USER '" + MARIADB_USER + "'@'localhost' IDENTIFIED BY '" + MARIADB_PASSWORD + "'",
                "GRANT ALL ON " + MARIADB_DB + ".* TO '" + MARIADB_USER + "'@'%'",
                "GRANT ALL ON " + MARIADB_DB + ".* TO '" + MARIADB_USER + "'@'localhost'",
                "GRANT ALL ON " + MARIADB_DB + "_b.* TO '" + MARIADB_USER + "'@'%'",
                "GRANT ALL ON " + MARIADB_DB + "_b.* TO '" + MARIADB_USER + "'@'localhost'");
    }

    @AfterAll
    static void dropMariadbUser() throws SQLException {
        DataSourceFixtures.mariadb(
                "DROP USER IF EXISTS '" + MARIADB_USER + "'@'%'",
                "DROP USER IF EXISTS '" + MARIADB_USER + "'@'localhost'",
                "DROP DATABASE IF EXISTS " + MARIADB_DB,
                "DROP DATABASE IF EXISTS " + MARIADB_DB + "_b");
    }

    @Test
    void postgresConnectionTestSucceeds() {
        long id = create("PG ok " + unique(), "pg", pg("test"));

        JsonNode result = test(id);

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("message").asString()).isEqualTo("Connection successful");
    }

    @Test
    void postgresConnectionTestReportsTheServersMessage() {
        String database = "no_such_db_" + unique();
        long id = create("PG bad " + unique(), "pg", pg(database));

        JsonNode result = test(id);

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("message").asString()).contains("database \"" + database + "\" does not exist");
    }

    @Test
    void mariadbConnectionTestSucceedsWithThePassword() {
        long id = create("MariaDB ok " + unique(), "mysql", mariadb(MARIADB_PASSWORD));

        JsonNode result = test(id);

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }

    @Test
    void mariadbConnectionTestWithAWrongPasswordReportsAccessDenied() {
        String wrong = "wrong-" + unique();
        long id = create("MariaDB bad " + unique(), "mysql", mariadb(wrong));

        var response = api().post("/api/data_sources/" + id + "/test", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("ok").asBoolean()).isFalse();
        assertThat(response.json().path("message").asString()).contains("Access denied for user '" + MARIADB_USER + "'");
        assertThat(response.body()).doesNotContain(wrong);
    }

    @Test
    void maskedPasswordSentBackStillConnects() {
        long id = create("MariaDB keep " + unique(), "mysql", mariadb(MARIADB_PASSWORD));
        JsonNode detail = api().get("/api/data_sources/" + id).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = Api.JSON.convertValue(detail.path("options"), Map.class);
        assertThat(shown.get("passwd")).isEqualTo("--------");

        var updated = api().post("/api/data_sources/" + id,
                Map.of("name", detail.path("name").asString() + " renamed", "options", with(shown, "row_limit", 50)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(test(id).path("ok").asBoolean()).as("the kept password still works").isTrue();
        assertThat(dataSources.info(id).rowLimit()).isEqualTo(50);

        api().post("/api/data_sources/" + id, Map.of("options", with(shown, "passwd", "changed-" + unique())));
        assertThat(test(id).path("ok").asBoolean()).as("a new password replaces it").isFalse();
    }

    @Test
    void driverMessagesNeverCarrySecrets() {
        String secret = "Sekr1t" + unique();
        long id = create("Generic " + unique(), "jdbc",
                Map.of("url", "jdbc:nosuchdriver://db.example/" + secret + "?password=" + secret, "password", secret));

        var response = api().post("/api/data_sources/" + id + "/test", Map.of());

        assertThat(response.json().path("ok").asBoolean()).isFalse();
        assertThat(response.json().path("message").asString()).contains("No JDBC driver");
        assertThat(response.body()).doesNotContain(secret);
    }

    @Test
    void pooledConnectionsReachTheDatabase() throws SQLException {
        long id = create("Pooled " + unique(), "mysql", mariadb(MARIADB_PASSWORD));

        try (Connection c = dataSources.forRun(id).connection(); ResultSet rs = c.createStatement().executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith(MARIADB_USER + "@");
        }
    }

    @Test
    void poolIsRebuiltWhenTheOptionsChange() throws SQLException {
        long id = create("Rebuilt " + unique(), "mysql", mariadb(MARIADB_PASSWORD));
        assertThat(database(id)).isEqualTo(MARIADB_DB);

        var shown = Api.JSON.convertValue(api().get("/api/data_sources/" + id).json().path("options"), Map.class);
        @SuppressWarnings("unchecked")
        var updated = api().post("/api/data_sources/" + id, Map.of("options", with(shown, "db", MARIADB_DB + "_b")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(database(id)).isEqualTo(MARIADB_DB + "_b");
    }

    @Test
    void pooledConnectionFailureCarriesTheDriversMessageWithoutSecrets() {
        String wrong = "wrong-" + unique();
        long id = create("Pool bad " + unique(), "mysql", with(mariadb(wrong), "max_connections", 1));

        assertThatThrownBy(() -> dataSources.forRun(id).connection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied")
                .hasMessageNotContaining(wrong);
    }

    @Test
    void infoAppliesTheServerDefaultsAndTheDataSourcesOwnLimits() {
        long plain = create("Defaults " + unique(), "pg", pg("test"));
        long limited = create("Limited " + unique(), "pg", with(with(pg("test"), "row_limit", 500), "query_timeout", 60));
        api().post("/api/data_sources/" + limited + "/pause", Map.of("reason", "upgrade"));

        DataSourceInfo defaults = dataSources.info(plain);
        DataSourceInfo own = dataSources.info(limited);

        assertThat(defaults.rowLimit()).isEqualTo(10_000);
        assertThat(defaults.timeLimit()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.type()).isEqualTo("pg");
        assertThat(defaults.paused()).isFalse();
        assertThat(own.rowLimit()).isEqualTo(500);
        assertThat(own.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(own.paused()).isTrue();
        assertThat(own.pauseReason()).isEqualTo("upgrade");
        assertThatThrownBy(() -> dataSources.info(987_654_321L)).isInstanceOf(ApiException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void createAndFindByNameForOtherFeatures() {
        String name = "Demo " + unique();
        long id = dataSources.create(name, "duckdb", Map.of("dbpath", files.resolve("demo.duckdb").toString()));

        assertThat(dataSources.findIdByName(name)).contains(id);
        assertThat(dataSources.findIdByName(name + " nope")).isEmpty();
        assertThat(dataSources.exists(id)).isTrue();
        assertThatThrownBy(() -> dataSources.create(name, "duckdb", Map.of("dbpath", "/tmp/x.duckdb")))
                .isInstanceOf(ApiException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> dataSources.create("Bad " + unique(), "duckdb", Map.of()))
                .isInstanceOf(ApiException.class).hasMessageContaining("Option 'dbpath' is required");
    }

    @Test
    void duckdbPoolServesSeveralConnectionsToOneFile() throws SQLException {
        long id = create("Duck pool " + unique(), "duckdb", Map.of("dbpath", files.resolve("pool.duckdb").toString(), "allow_writes", true));
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(dataSources.forRun(id).connection());
            }
            open.get(0).createStatement().execute("CREATE TABLE shared AS SELECT 42 AS answer");
            try (ResultSet rs = open.get(2).createStatement().executeQuery("SELECT answer FROM shared")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            assertThat(test(id).path("ok").asBoolean()).as("a test connection beside the pool").isTrue();
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void duckdbCannotReadOtherFilesOfTheServer() throws SQLException {
        long id = create("Duck fenced " + unique(), "duckdb", Map.of("dbpath", files.resolve("fenced.duckdb").toString(), "allow_writes", true));

        try (Connection c = dataSources.forRun(id).connection()) {
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT * FROM read_csv('/etc/passwd')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("disabled by configuration");
        }
    }

    @Test
    void duckdbFileOpenInAnotherProcessGivesAClearMessage() throws Exception {
        Path file = files.resolve("held-" + unique() + ".duckdb");
        long id = create("Duck held " + unique(), "duckdb", Map.of("dbpath", file.toString()));

        try (var holder = DuckDbFileHolder.start(file)) {
            JsonNode result = test(id);

            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.path("message").asString())
                    .contains("The DuckDB file " + file + " is in use by another process")
                    .contains("Conflicting lock");
        }
        assertThat(test(id).path("ok").asBoolean()).as("usable once the other process let go").isTrue();
    }

    private String database(long id) throws SQLException {
        try (Connection c = dataSources.forRun(id).connection(); ResultSet rs = c.createStatement().executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Object> mariadb(String password) {
        return DataSourceFixtures.mariadb(MARIADB_USER, password, MARIADB_DB);
    }

    private JsonNode test(long id) {
        var response = api().post("/api/data_sources/" + id + "/test", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long create(String name, String type, Map<String, Object> options) {
        var response = api().post("/api/data_sources", body(name, type, options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
