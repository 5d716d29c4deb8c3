package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.mariadb;
import static io.sightline.server.datasource.DataSourceFixtures.pg;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Data source secrets given as {@code env:NAME} or {@code file:/path} (decision 0048), through the HTTP API against
 * the machine's real MariaDB (a user that needs its password, so a wrong one is refused) and PostgreSQL. The
 * environment variables are real ones of the test JVM, set by the build (server/pom.xml); the files are written to
 * the directory the test server allows ({@link EmbeddedServerTest#SECRET_FILES}).
 */
class SecretReferenceApiTest extends EmbeddedServerTest {

    static final String ENV_NAME = "SIGHTLINE_DS_IT_MARIADB_PASSWORD";
    private static final String SUFFIX = unique();
    private static final String USER = "sl_ref_" + SUFFIX;
    private static final String DB = "sl_ref_" + SUFFIX;
    private static final String PASSWORD = System.getenv(ENV_NAME);

    @BeforeAll
    static void mariadbUserWhosePasswordIsInTheEnvironment() throws SQLException {
        assertThat(PASSWORD).as(ENV_NAME + " is set by server/pom.xml: run the tests through Maven").isNotBlank();
        DataSourceFixtures.mariadb(
                "CREATE DATABASE " + DB,
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON " + DB + ".* TO '" + USER + "'@'%'",
                "GRANT ALL ON " + DB + ".* TO '" + USER + "'@'localhost'");
    }

    @AfterAll
    static void dropMariadbUser() throws SQLException {
        DataSourceFixtures.mariadb(
                "DROP USER IF EXISTS '" + USER + "'@'%'",
                "DROP USER IF EXISTS '" + USER + "'@'localhost'",
                "DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void passwordFromAnEnvironmentVariableConnectsAndRunsAQuery() {
        long id = create(mariadb(USER, "env:" + ENV_NAME, DB));

        assertThat(test(id).path("ok").asBoolean()).as(test(id).toString()).isTrue();
        JsonNode result = new Runs(api()).result(id, "SELECT CURRENT_USER() AS who");
        assertThat(result.path("data").path("rows").get(0).path("who").asString()).startsWith(USER + "@");
    }

    @Test
    void theVariableNamedIsWhatConnects() {
        // another allowed variable holding a wrong password: refused by MariaDB, so the reference is really read
        long id = create(mariadb(USER, "env:SIGHTLINE_DS_IT_WRONG_PASSWORD", DB));

        JsonNode answer = test(id);

        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("message").asString()).contains("Access denied for user '" + USER + "'")
                .doesNotContain(System.getenv("SIGHTLINE_DS_IT_WRONG_PASSWORD"));
    }

    @Test
    void theApiShowsTheReferenceNeverTheValue() {
        long id = create(mariadb(USER, "env:" + ENV_NAME, DB));

        Api.Response detail = api().get("/api/data_sources/" + id);

        assertThat(detail.json().path("options").path("passwd").asString()).isEqualTo("env:" + ENV_NAME);
        assertThat(detail.body()).doesNotContain(PASSWORD);
        assertThat(api().get("/api/data_sources").body()).doesNotContain(PASSWORD);
    }

    @Test
    void sendingTheReferenceOrTheMaskBackKeepsIt() {
        long id = create(mariadb(USER, "env:" + ENV_NAME, DB));
        Map<String, Object> options = new LinkedHashMap<>(mariadb(USER, "--------", DB));

        var renamed = api().post("/api/data_sources/" + id, body("kept " + unique(), "mysql", options));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("options").path("passwd").asString()).isEqualTo("env:" + ENV_NAME);
        assertThat(test(id).path("ok").asBoolean()).isTrue();
    }

    @Test
    void passwordFromAFileIsReadAtEveryConnection() throws IOException {
        Path file = Files.writeString(SECRET_FILES.resolve("mariadb-" + unique()), PASSWORD + "\n");
        long id = create(mariadb(USER, "file:" + file, DB));
        Runs runs = new Runs(api());
        assertThat(runs.result(id, "SELECT 1 AS one").path("data").path("rows").get(0).path("one").asInt()).isEqualTo(1);

        Files.writeString(file, "rotated-but-wrong\n");
        assertThat(test(id).path("message").asString()).contains("Access denied for user '" + USER + "'")
                .doesNotContain("rotated-but-wrong");
        assertThat(runs.error(id, "SELECT 2 AS two")).as("the pool is rebuilt for the new password")
                .contains("Access denied").doesNotContain("rotated-but-wrong");

        Files.delete(file);
        assertThat(test(id).path("ok").asBoolean()).isFalse();
        assertThat(test(id).path("message").asString()).isEqualTo("Cannot connect to data source '" + name(id)
                + "' (option 'passwd'): file:" + file + ": no such file on this server");
        assertThat(runs.error(id, "SELECT 3 AS three")).contains("file:" + file + ": no such file on this server");
        assertThat(api().get("/api/data_sources/" + id + "/schema").status()).isEqualTo(503);

        Files.writeString(file, PASSWORD);
        assertThat(runs.result(id, "SELECT 4 AS four").path("data").path("rows").get(0).path("four").asInt())
                .isEqualTo(4);
    }

    @Test
    void postgresPasswordFromAFileConnectsAndRunsAQuery() throws IOException {
        // the machine's PostgreSQL trusts local connections, so this shows the reference is accepted and read,
        // not that PostgreSQL checked it (MariaDB's tests above do)
        Path file = Files.writeString(SECRET_FILES.resolve("pg-" + unique()), "pg-file-secret\n");
        Map<String, Object> options = new LinkedHashMap<>(pg("test"));
        options.put("password", "file:" + file);
        long id = create("pg", options);

        JsonNode result = new Runs(api()).result(id, "SELECT 41 + 1 AS answer");

        assertThat(result.path("data").path("rows").get(0).path("answer").asInt()).isEqualTo(42);
        Files.delete(file);
        assertThat(test(id).path("message").asString()).contains("no such file on this server");
    }

    @Test
    void referencesOutsideTheAllowListAreRefusedWhenSaved() throws IOException {
        Path outside = Files.createTempFile("sightline-not-allowed-", ".txt");
        Files.writeString(outside, "outside-secret");
        Path link = Files.createSymbolicLink(SECRET_FILES.resolve("escape-" + unique()), outside);
        try {
            assertRefused("env:IT_OUTSIDE_PREFIX", "Option 'passwd': env:IT_OUTSIDE_PREFIX is not allowed: data source"
                    + " secrets may only name environment variables whose names start with SIGHTLINE_DS_");
            assertRefused("env:SIGHTLINE_DS_NOT_SET_" + SUFFIX.toUpperCase(), "is not set on this server");
            assertRefused("file:" + outside, "Option 'passwd': file:" + outside + " is not allowed: data source"
                    + " secrets may only be read from files under " + SECRET_FILES);
            assertRefused("file:/etc/passwd", "is not allowed");
            assertRefused("file:" + link, "file:" + link + " is not allowed");
            assertRefused("file:" + SECRET_FILES + "/../" + outside.getFileName(), "is not allowed");
            assertRefused("file:relative/path", "after file: comes an absolute path");
            assertRefused("env:", "is not a valid reference");
        } finally {
            Files.delete(link);
            Files.delete(outside);
        }
    }

    @Test
    void changingASavedPasswordToAForbiddenReferenceIsRefused() {
        long id = create(mariadb(USER, PASSWORD, DB));

        var response = api().post("/api/data_sources/" + id,
                body("forbidden " + unique(), "mysql", mariadb(USER, "env:HOME", DB)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("env:HOME is not allowed");
        assertThat(test(id).path("ok").asBoolean()).as("the stored password is unchanged").isTrue();
    }

    private void assertRefused(String reference, String message) {
        var response = api().post("/api/data_sources", body("refused " + unique(), "mysql", mariadb(USER, reference, DB)));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains(message);
        assertThat(response.body()).doesNotContain("outside-secret").doesNotContain("it-outside-prefix-value");
    }

    private String name(long id) {
        return api().get("/api/data_sources/" + id).json().path("name").asString();
    }

    private JsonNode test(long id) {
        var response = api().post("/api/data_sources/" + id + "/test", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long create(Map<String, Object> options) {
        return create("mysql", options);
    }

    private long create(String type, Map<String, Object> options) {
        var response = api().post("/api/data_sources", body("ref " + unique(), type, options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
