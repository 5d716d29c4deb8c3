package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Parameter types that do not exist, the opt-in to raw text parameters, and who sees a database's error text:
 * users with full access see the database's message, view-only users an error id.
 */
class ParameterTypesAndErrorsTest extends EmbeddedServerTest {

    static final String H2_URL = "jdbc:h2:mem:it_param_types_" + UUID.randomUUID().toString().substring(0, 8)
            + ";DB_CLOSE_DELAY=-1";
    static Connection keepH2;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void database() throws SQLException {
        keepH2 = DriverManager.getConnection(H2_URL, "sa", "");
        try (Statement s = keepH2.createStatement()) {
            s.execute("CREATE TABLE orders (id INT, status VARCHAR(20))");
            s.execute("INSERT INTO orders VALUES (1, 'new'), (2, 'shipped'), (3, 'shipped')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        keepH2.close();
    }

    private long dataSource() {
        return new DataSourceFixtures(api()).h2(H2_URL, Map.of());
    }

    private Api.Response save(long dataSource, String sql, Map<String, Object> options) {
        return api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "types " + UUID.randomUUID(),
                "query", sql, "options", options));
    }

    @Test
    void unknownParameterTypeIsRefusedOnSaveNamingTheParameterAndTheValidTypes() {
        var saved = save(dataSource(), "SELECT '{{ region }}' AS r",
                Map.of("parameters", List.of(Map.of("name", "region", "type", "dropdown"))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(400);
        assertThat(saved.message()).contains("region").contains("\"dropdown\"").contains("text-pattern")
                .contains("date-range");
    }

    @Test
    void storedUnknownTypeIs400WhenRunAndAScheduleFailureWithItsReason() {
        long dataSource = dataSource();
        Map<String, Object> body = new HashMap<>(Map.of("data_source_id", dataSource, "name", "stored " + UUID.randomUUID(),
                "query", "SELECT '{{ region }}' AS r", "options", Map.of("parameters",
                        List.of(Map.of("name", "region", "type", "text-pattern", "regex", ".*", "value", "north")))));
        body.put("schedule", Map.of("interval", 1));
        var saved = api().post("/api/queries", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        long id = saved.json().path("id").asLong();
        // saved before types were checked
        jdbc.sql("UPDATE queries SET options = ? WHERE id = ?").params(
                "{\"parameters\":[{\"name\":\"region\",\"type\":\"dropdown\",\"value\":\"north\"}]}", id).update();

        var run = api().post("/api/queries/" + id + "/results", Map.of("parameters", Map.of("region", "x"), "max_age", 0));
        assertThat(run.status()).as(run.toString()).isEqualTo(400);
        assertThat(run.message()).contains("region").contains("\"dropdown\"").contains("text-pattern");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode query = api().get("/api/queries/" + id).json();
        while (query.path("schedule_failures").asInt() < 1 && System.nanoTime() < deadline) {
            sleep(100);
            query = api().get("/api/queries/" + id).json();
        }
        assertThat(query.path("schedule_failures").asInt()).as(query.toString()).isGreaterThanOrEqualTo(1);
        assertThat(query.path("schedule_last_error").asString()).contains("region").contains("\"dropdown\"");
    }

    @Test
    void textParametersAreEscapedUnlessTheQueryOptsInToRawText() {
        long dataSource = dataSource();
        List<Map<String, Object>> cond = List.of(Map.of("name", "cond", "type", "text"));
        String sql = "SELECT COUNT(*) AS n FROM orders WHERE {{ cond }}";
        var escaped = save(dataSource, sql, Map.of("parameters", cond));
        var runEscaped = api().post("/api/queries/" + escaped.json().path("id").asLong() + "/results",
                Map.of("parameters", Map.of("cond", "status = 'shipped'"), "max_age", 0));
        JsonNode failed = new Runs(api()).finish(Runs.asJob(runEscaped.json()));
        assertThat(failed.path("status").asInt()).as("escaped text is a literal, not SQL: " + failed).isEqualTo(4);

        var raw = save(dataSource, sql, Map.of("parameters", cond, "raw_text_parameters", true));
        assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
        assertThat(raw.json().path("options").path("raw_text_parameters").asBoolean()).isTrue();
        long rawId = raw.json().path("id").asLong();
        var runRaw = api().post("/api/queries/" + rawId + "/results",
                Map.of("parameters", Map.of("cond", "status = 'shipped'"), "max_age", 0));
        JsonNode rawResult = new Runs(api()).resultOf(runRaw);
        assertThat(rawResult.path("query").asString()).endsWith("WHERE status = 'shipped'");
        assertThat(rawResult.path("data").path("rows").get(0).path("N").asInt()).as(rawResult.toString()).isEqualTo(2);

        var access = new AccessFixtures(api());
        var viewer = access.user("viewer");
        access.grant(viewer, dataSource, true);
        var refused = viewer.api().post("/api/queries/" + rawId + "/results",
                Map.of("parameters", Map.of("cond", "1=1"), "max_age", 0));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);

        var notABoolean = save(dataSource, sql, Map.of("parameters", cond, "raw_text_parameters", "yes"));
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.message()).contains("raw_text_parameters");
    }

    @Test
    void viewOnlyUserSeesAnErrorIdWhereAFullAccessUserSeesTheDatabasesMessage() {
        long dataSource = dataSource();
        var saved = save(dataSource, "SELECT * FROM no_such_table_here WHERE status = '{{ s }}'",
                Map.of("parameters", List.of(Map.of("name", "s", "type", "enum", "enumOptions", List.of("new", "back\\slash'")))));
        long id = saved.json().path("id").asLong();
        var access = new AccessFixtures(api());
        var viewer = access.user("viewer");
        access.grant(viewer, dataSource, true);
        var full = access.user("analyst");
        access.grant(full, dataSource, false);

        var viewerRun = viewer.api().post("/api/queries/" + id + "/results",
                Map.of("parameters", Map.of("s", "back\\slash'"), "max_age", 0));
        assertThat(viewerRun.status()).as(viewerRun.toString()).isEqualTo(200);
        JsonNode viewerJob = new Runs(viewer.api()).finish(Runs.asJob(viewerRun.json()));
        assertThat(viewerJob.path("status").asInt()).isEqualTo(4);
        String hidden = viewerJob.path("error").asString();
        assertThat(hidden).startsWith("The query failed (error id ").doesNotContain("no_such_table")
                .doesNotContain("NO_SUCH_TABLE").doesNotContain("slash").doesNotContain("SELECT");
        assertThat(hidden).contains(viewerJob.path("id").asString().substring(0, 8));
        JsonNode polled = viewer.api().get("/api/jobs/" + viewerJob.path("id").asString()).json().path("job");
        assertThat(polled.path("error").asString()).isEqualTo(hidden);

        // the same job, seen by someone with full access, and their own run
        JsonNode seenByFull = full.api().get("/api/jobs/" + viewerJob.path("id").asString()).json().path("job");
        assertThat(seenByFull.path("error").asString()).containsIgnoringCase("no_such_table");
        var fullRun = full.api().post("/api/queries/" + id + "/results", Map.of("parameters", Map.of("s", "new"), "max_age", 0));
        JsonNode fullJob = new Runs(full.api()).finish(Runs.asJob(fullRun.json()));
        assertThat(fullJob.path("error").asString()).containsIgnoringCase("no_such_table");
        JsonNode seenByAdmin = api().get("/api/jobs/" + fullJob.path("id").asString()).json().path("job");
        assertThat(seenByAdmin.path("error").asString()).containsIgnoringCase("no_such_table");
    }

    @Test
    void viewOnlyUserSeesThatARefreshFailedButNotTheDatabasesMessage() {
        long dataSource = dataSource();
        var saved = save(dataSource, "SELECT * FROM no_such_refresh_table", Map.of());
        long id = saved.json().path("id").asLong();
        jdbc.sql("UPDATE queries SET schedule_failures = 1, schedule_last_error = ? WHERE id = ?")
                .params("Table \"NO_SUCH_REFRESH_TABLE\" not found; SQL statement: SELECT * FROM no_such_refresh_table", id)
                .update();
        var access = new AccessFixtures(api());
        var viewer = access.user("refresh-viewer");
        access.grant(viewer, dataSource, true);
        var full = access.user("refresh-analyst");
        access.grant(full, dataSource, false);

        JsonNode seenByViewer = viewer.api().get("/api/queries/" + id).json();
        assertThat(seenByViewer.path("schedule_failures").asInt()).isEqualTo(1);
        assertThat(seenByViewer.path("schedule_last_error").asString()).startsWith("The last scheduled refresh failed")
                .doesNotContainIgnoringCase("no_such_refresh_table");
        JsonNode listedForViewer = viewer.api().get("/api/queries?q=&page_size=250").json().path("results");
        listedForViewer.forEach(q -> assertThat(q.path("schedule_last_error").asString(""))
                .doesNotContainIgnoringCase("no_such_refresh_table"));
        assertThat(full.api().get("/api/queries/" + id).json().path("schedule_last_error").asString())
                .containsIgnoringCase("no_such_refresh_table");
        assertThat(api().get("/api/queries/" + id).json().path("schedule_last_error").asString())
                .containsIgnoringCase("no_such_refresh_table");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
