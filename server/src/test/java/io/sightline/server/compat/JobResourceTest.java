package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.PostgresActivity;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jobs as Redash's {@code serialize_job} reports them, and {@code POST /api/queries/{id}/refresh}; the tests follow
 * Redash's {@code TestJobResource} and {@code QueryRefreshTest} (tests/handlers).
 */
class JobResourceTest extends EmbeddedServerTest {

    private static final int QUEUED_OR_STARTED = 2;
    private static final int FINISHED = 3;
    private static final int FAILED = 4;

    private final String marker = "jobs" + UUID.randomUUID().toString().substring(0, 8);

    /** Redash's test_cancels_queued_queries: a cancelled job is failed (4), its error says it was cancelled. */
    @Test
    void cancelsQueuedQueries() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        String column = "cancel_" + UUID.randomUUID().toString().replace("-", "");
        String jobId = new Runs(api()).submit(source, "SELECT pg_sleep(60) AS " + column).path("id").asString();
        JsonNode running = api().get("/api/jobs/" + jobId).json().path("job");
        assertThat(running.path("status").asInt()).isBetween(1, QUEUED_OR_STARTED);
        assertThat(running.path("error").asString()).as("no error yet: Redash answers \"\"").isEmpty();
        assertThat(running.path("cancelled").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> PostgresActivity.activeStatements(column) == 1);

        assertThat(api().delete("/api/jobs/" + jobId).status()).isEqualTo(200);

        JsonNode job = new Runs(api()).await(jobId);
        assertThat(job.path("status").asInt()).as("Redash's pollers stop on 3 or 4, never on 5").isEqualTo(FAILED);
        assertThat(job.path("error").asString()).isEqualTo("Query cancelled by user.");
        assertThat(job.path("cancelled").asBoolean()).as("Sightline keeps the difference from a failure").isTrue();
        assertThat(job.path("result").isNull()).isTrue();
        assertThat(job.path("query_result_id").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> PostgresActivity.activeStatements(column) == 0);
    }

    /** Every field of Redash's serialize_job, on a finished and on a failed job. */
    @Test
    void aJobCarriesTheFieldsOfRedashsSerializeJob() {
        long source = h2();
        JsonNode finished = new Runs(api()).finish(new Runs(api()).submit(source, "SELECT 1 AS " + marker));
        JsonNode job = api().get("/api/jobs/" + finished.path("id").asString()).json().path("job");
        for (String field : List.of("id", "updated_at", "status", "error", "result", "query_result_id")) {
            assertThat(job.has(field)).as(field + " in " + job).isTrue();
        }
        assertThat(job.path("status").asInt()).isEqualTo(FINISHED);
        assertThat(job.path("error").asString()).isEmpty();
        assertThat(job.path("result").asLong()).isPositive().isEqualTo(job.path("query_result_id").asLong());
        assertThat(job.path("cancelled").asBoolean()).isFalse();

        JsonNode failed = new Runs(api()).finish(new Runs(api()).submit(source, "SELECT * FROM no_such_" + marker));
        assertThat(failed.path("status").asInt()).isEqualTo(FAILED);
        assertThat(failed.path("error").asString()).isNotEmpty();
        assertThat(failed.path("cancelled").asBoolean()).isFalse();
        assertThat(failed.path("result").isNull()).isTrue();
    }

    /** Redash's test_refresh_regular_query. */
    @Test
    void refreshRegularQuery() {
        long id = query(h2(), "SELECT 7 AS n", List.of());
        var refreshed = api().post("/api/queries/" + id + "/refresh", "");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode result = new Runs(api()).resultOf(refreshed);
        assertThat(result.path("data").path("rows").get(0).path("N").asInt(
                result.path("data").path("rows").get(0).path("n").asInt())).isEqualTo(7);
        long first = result.path("id").asLong();

        JsonNode again = new Runs(api()).resultOf(api().post("/api/queries/" + id + "/refresh", ""));
        assertThat(again.path("id").asLong()).as("a refresh always runs (never the cached result)")
                .isNotEqualTo(first);
        assertThat(api().get("/api/queries/" + id).json().path("latest_query_data_id").asLong())
                .isEqualTo(again.path("id").asLong());
    }

    /** Redash's test_refresh_of_query_with_parameters: the values come from {@code ?p_<name>=}. */
    @Test
    void refreshOfQueryWithParameters() {
        long id = query(h2(), "SELECT {{ param }} AS n", List.of(Map.of("name", "param", "title", "param",
                "type", "number")));
        var refreshed = api().post("/api/queries/" + id + "/refresh?p_param=41", "");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode row = new Runs(api()).resultOf(refreshed).path("data").path("rows").get(0);
        assertThat(row.path("N").asInt(row.path("n").asInt())).isEqualTo(41);
    }

    /** Redash's test_refresh_of_query_with_parameters_without_parameters: 400, naming the parameter. */
    @Test
    void refreshOfQueryWithParametersWithoutParameters() {
        long id = query(h2(), "SELECT {{ param }} AS n", List.of(Map.of("name", "param", "title", "param",
                "type", "number")));
        var refused = api().post("/api/queries/" + id + "/refresh", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.message()).contains("param");
        assertThat(refused.json().path("job").path("status").asInt()).isEqualTo(FAILED);
    }

    /**
     * Redash's test_refresh_query_you_dont_have_access_to: 403 there; Sightline answers 404 to who does not reach
     * the data source (nothing leaks) and 403 to view-only access, which may not refresh, as in Redash.
     */
    @Test
    void refreshQueryYouDontHaveAccessTo() {
        var fixtures = new AccessFixtures(api());
        long source = fixtures.privateDataSource();
        long id = query(source, "SELECT 1 AS n", List.of());
        var outsider = fixtures.user("RefreshOutsider");
        assertThat(outsider.api().post("/api/queries/" + id + "/refresh", "").status()).isEqualTo(404);
        var viewer = fixtures.user("RefreshViewer");
        fixtures.grant(viewer, source, true);
        var refused = viewer.api().post("/api/queries/" + id + "/refresh", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.message()).contains("view-only");
        var full = fixtures.user("RefreshFull");
        fixtures.grant(full, source, false);
        assertThat(full.api().post("/api/queries/" + id + "/refresh", "").status()).isEqualTo(200);
    }

    /**
     * Redash's test_refresh_forbiden_with_query_api_key: a query's key may not refresh it (Sightline: 401, as for
     * every path outside that query's results); the user's own key may, in the {@code Authorization} header
     * (Sightline takes {@code ?api_key=} on result reads only).
     */
    @Test
    void refreshForbiddenWithQueryApiKey() {
        long id = query(h2(), "SELECT 1 AS n", List.of());
        String queryKey = api().get("/api/queries/" + id).json().path("api_key").asString();
        assertThat(queryKey).isNotBlank();
        assertThat(anonymous().post("/api/queries/" + id + "/refresh?api_key=" + queryKey, "").status())
                .isEqualTo(401);
        assertThat(anonymous().post("/api/queries/" + id + "/refresh?api_key=" + ADMIN_KEY, "").status())
                .as("a user key in the URL").isEqualTo(401);
        assertThat(anonymous().withKey(ADMIN_KEY).post("/api/queries/" + id + "/refresh", "").status())
                .isEqualTo(200);
    }

    private long h2() {
        return new DataSourceFixtures(api()).h2("jdbc:h2:mem:" + marker + UUID.randomUUID().toString()
                .substring(0, 6) + ";DB_CLOSE_DELAY=-1", Map.of());
    }

    private long query(long source, String sql, List<Map<String, Object>> parameters) {
        var created = api().post("/api/queries", Map.of("data_source_id", source, "name", marker, "query", sql,
                "options", Map.of("parameters", parameters)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
