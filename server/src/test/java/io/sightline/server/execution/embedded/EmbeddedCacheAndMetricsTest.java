package io.sightline.server.execution.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.ResultCache;
import io.sightline.server.result.SqlHash;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Prometheus;
import io.sightline.server.support.Runs;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Embedded mode: the result cache lives in memory and the one {@code in-process} queue has the same metrics as
 * the Redis queues. The server is shared with other tests, so counters are compared before and after.
 */
class EmbeddedCacheAndMetricsTest extends EmbeddedServerTest {

    @Autowired
    private ResultCache cache;
    @Autowired
    private ExecutionProperties execution;

    @Test
    void cachesFinishedRunsInMemoryAndCountsThem() {
        assertThat(cache).isInstanceOf(InMemoryResultCache.class);
        Prometheus prometheus = new Prometheus(port);
        Runs runs = new Runs(api());
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        String sql = "SELECT '" + UUID.randomUUID() + "' AS embedded_cache";
        Map<String, Object> anyAge = Map.of("data_source_id", dataSource, "query", sql, "max_age", -1);
        double hits = prometheus.value("sightline_cache_requests_total{result=\"hit\"}");
        double misses = prometheus.value("sightline_cache_requests_total{result=\"miss\"}");

        long resultId = runs.finish(runs.submit(anyAge)).path("query_result_id").asLong();
        JsonNode again = Runs.asJob(api().post("/api/query_results", anyAge).json());

        assertThat(again.path("query_result_id").asLong()).isEqualTo(resultId);
        assertThat(cache.get(dataSource, SqlHash.of(sql))).map(ResultCache.Entry::queryResultId).contains(resultId);
        assertThat(prometheus.value("sightline_cache_requests_total{result=\"hit\"}")).isEqualTo(hits + 1);
        assertThat(prometheus.value("sightline_cache_requests_total{result=\"miss\"}")).isEqualTo(misses + 1);
        assertThat(prometheus.value("sightline_query_duration_seconds_count{data_source=\"" + dataSource
                + "\",outcome=\"finished\",queue=\"in-process\"}")).isEqualTo(1);
    }

    @Test
    void showsTheInProcessQueueAndItsWorkerThreads() {
        Prometheus prometheus = new Prometheus(port);

        assertThat(prometheus.value("sightline_queue_depth{queue=\"in-process\"}")).isNotNegative();
        assertThat(prometheus.value("sightline_queue_oldest_job_age_seconds{queue=\"in-process\"}")).isNotNegative();
        assertThat(prometheus.value("sightline_worker_threads{queue=\"in-process\",state=\"busy\"}")
                + prometheus.value("sightline_worker_threads{queue=\"in-process\",state=\"idle\"}"))
                .isEqualTo(execution.workerThreads());
    }
}
