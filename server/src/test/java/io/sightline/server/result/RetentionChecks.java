package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.Runs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The retention checks, shared by the embedded (H2) and PostgreSQL metadata tests. */
final class RetentionChecks {

    private RetentionChecks() {
    }

    /**
     * Two old results of one data source: an ad-hoc one, and the latest of a saved query. After a pass the first
     * is gone (404) and the second still readable; a fresh result stays too; the metric counts the deletion.
     */
    static void deletesOldResultsButKeepsLatestOfSavedQuery(Api api, JdbcClient jdbc, ResultRetention retention,
                                                            long dataSourceId, boolean metrics) {
        Runs runs = new Runs(api);
        String marker = "retention_" + System.nanoTime();
        long adHoc = runs.result(dataSourceId, "SELECT 1 AS " + marker).path("id").asLong();
        long fresh = runs.result(dataSourceId, "SELECT 2 AS " + marker).path("id").asLong();
        var saved = api.post("/api/queries", Map.of("name", marker, "query", "SELECT 3 AS " + marker,
                "data_source_id", dataSourceId));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        long queryId = saved.json().path("id").asLong();
        JsonNode run = runs.finish(Runs.asJob(api.post("/api/queries/" + queryId + "/results", Map.of("max_age", 0)).json()));
        long latest = run.path("query_result_id").asLong();
        assertThat(api.get("/api/queries/" + queryId).json().path("latest_query_data_id").asLong()).isEqualTo(latest);

        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8);
        jdbc.sql("UPDATE query_results SET retrieved_at = ? WHERE id IN (?, ?)").params(old, adHoc, latest).update();

        double before = metrics ? deletedTotal(api) : 0;
        int deleted = retention.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/query_results/" + adHoc).status()).as("older than the retention").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM query_result_pages WHERE result_id = ?").param(adHoc)
                .query(Long.class).single()).as("its pages are gone too").isZero();
        assertThat(api.get("/api/query_results/" + latest).status()).as("the latest result of a saved query").isEqualTo(200);
        assertThat(api.get("/api/query_results/" + fresh).status()).as("younger than the retention").isEqualTo(200);
        if (metrics) {
            assertThat(deletedTotal(api) - before).as("sightline_results_deleted_total").isEqualTo(deleted);
        }
    }

    private static double deletedTotal(Api api) {
        String metrics = api.get("/actuator/prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("sightline_results_deleted_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sightline_results_deleted_total in /actuator/prometheus"));
    }
}
