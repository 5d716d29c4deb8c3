package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What one run leaves on a pooled connection never reaches the next run: each data source has one connection
 * here, so every run gets the connection the previous run used, and must find it as it was when it was opened.
 */
class SessionResetTest extends EmbeddedServerTest {

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String MARIA_DB = "it_session_reset_" + SUFFIX;
    static final String MARIA_OTHER = "it_session_reset_other_" + SUFFIX;
    static final String H2_URL = "jdbc:h2:mem:it_session_reset_" + SUFFIX + ";DB_CLOSE_DELAY=-1";
    static Connection keepH2;

    @BeforeAll
    static void databases() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + MARIA_DB + " CHARACTER SET utf8mb4");
            s.execute("CREATE DATABASE " + MARIA_OTHER + " CHARACTER SET utf8mb4");
        }
        keepH2 = DriverManager.getConnection(H2_URL, "sa", "");
        try (Statement s = keepH2.createStatement()) {
            s.execute("CREATE SCHEMA OTHER");
            s.execute("CREATE TABLE PUBLIC.WHERE_AM_I (S VARCHAR(10))");
            s.execute("INSERT INTO PUBLIC.WHERE_AM_I VALUES ('public')");
            s.execute("CREATE TABLE OTHER.WHERE_AM_I (S VARCHAR(10))");
            s.execute("INSERT INTO OTHER.WHERE_AM_I VALUES ('other')");
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + MARIA_DB);
            s.execute("DROP DATABASE IF EXISTS " + MARIA_OTHER);
        }
        keepH2.close();
    }

    private String value(long source, String sql) {
        JsonNode result = new Runs(api()).result(source, sql);
        JsonNode row = result.path("data").path("rows").get(0);
        return row.properties().iterator().next().getValue().asString();
    }

    /** Runs a statement for its effect on the session: it may answer rows or not. */
    private void leave(long source, String sql) {
        var runs = new Runs(api());
        JsonNode job = runs.finish(runs.submit(source, sql));
        assertThat(job.path("status").asInt()).as(sql + ": " + job).isIn(3, 4);
    }

    @Test
    void postgresSearchPathAndSettingsOfOneRunAreGoneAtTheNext() {
        long source = new DataSourceFixtures(api()).postgres(Map.of("max_connections", 1));
        String searchPath = value(source, "SELECT current_setting('search_path') AS p");
        assertThat(value(source, "SELECT set_config('search_path', 'pg_catalog', false) AS p")).isEqualTo("pg_catalog");
        assertThat(value(source, "SELECT current_setting('search_path') AS p")).isEqualTo(searchPath);
        value(source, "SELECT set_config('standard_conforming_strings', 'off', false) AS s");
        assertThat(value(source, "SELECT current_setting('standard_conforming_strings') AS s")).isEqualTo("on");
        value(source, "SELECT set_config('application_name', 'left-behind', false) AS s");
        assertThat(value(source, "SELECT current_setting('application_name') AS s")).isNotEqualTo("left-behind");
    }

    @Test
    void mariaDbUseCharsetSqlModeAndVariablesOfOneRunAreGoneAtTheNext() {
        long source = new DataSourceFixtures(api()).create("mysql", Map.of("host", "127.0.0.1", "port", 3306,
                "user", "root", "db", MARIA_DB, "max_connections", 1));
        leave(source, "USE " + MARIA_OTHER);
        assertThat(value(source, "SELECT DATABASE() AS d")).isEqualTo(MARIA_DB);
        leave(source, "SET NAMES gbk");
        assertThat(value(source, "SELECT @@character_set_client AS c")).startsWith("utf8");
        assertThat(value(source, "SELECT @@character_set_connection AS c")).startsWith("utf8");
        leave(source, "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
        assertThat(value(source, "SELECT @@sql_mode AS m").toUpperCase(Locale.ROOT)).doesNotContain("NO_BACKSLASH_ESCAPES");
        assertThat(value(source, "SELECT 'a\\\\b' AS v")).isEqualTo("a\\b");
        leave(source, "SET @left_behind = 'x'");
        assertThat(new Runs(api()).result(source, "SELECT @left_behind AS v").path("data").path("rows").get(0)
                .path("v").isNull()).isTrue();
    }

    @Test
    void h2SchemaOfOneRunIsGoneAtTheNext() {
        long source = new DataSourceFixtures(api()).h2(H2_URL, Map.of("max_connections", 1));
        assertThat(value(source, "SELECT S FROM WHERE_AM_I")).isEqualTo("public");
        leave(source, "SET SCHEMA OTHER");
        assertThat(value(source, "SELECT S FROM WHERE_AM_I")).isEqualTo("public");
    }

    @Test
    void duckDbSchemaOfOneRunIsGoneAtTheNext() throws Exception {
        Path file = Files.createTempDirectory("it-session-reset").resolve("reset.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA other");
            s.execute("CREATE TABLE main.where_am_i AS SELECT 'main' AS s");
            s.execute("CREATE TABLE other.where_am_i AS SELECT 'other' AS s");
        }
        long source = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", file.toString(),
                "max_connections", 1));
        assertThat(value(source, "SELECT s FROM where_am_i")).isEqualTo("main");
        leave(source, "USE other");
        assertThat(value(source, "SELECT s FROM where_am_i")).isEqualTo("main");
    }
}
