package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.execution.QueryJob;
import io.sightline.server.execution.ResultCacheProperties;
import io.sightline.server.result.SqlHash;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.Prometheus;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * A known mix of runs on the Redis queue (own key prefix, own server context so every counter starts at zero),
 * then the exact values an operator's Prometheus scrapes. Two adhoc worker threads and none for the
 * {@code scheduled} queue, whose jobs therefore wait as if its workers were paused.
 */
class RedisMetricsTest extends RedisQueueServerTest {

    private static final int ADHOC_THREADS = 2;

    @DynamicPropertySource
    static void workers(DynamicPropertyRegistry registry) {
        registry.add("sightline.execution.worker-threads", () -> Integer.toString(ADHOC_THREADS));
        registry.add("sightline.redis.scheduled-worker-threads", () -> "0");
    }

    @Autowired
    private RedisJobQueue queue;
    @Autowired
    private ResultCacheProperties cacheProperties;

    @Test
    void scrapedMetricsCountExactlyWhatRan() {
        Api api = api();
        Runs runs = new Runs(api);
        Prometheus prometheus = new Prometheus(port);
        long dataSource = new DataSourceFixtures(api).postgres(Map.of());
        String marker = "m_" + UUID.randomUUID().toString().replace("-", "");
        List<String> cachedSql = List.of("SELECT 1 AS " + marker, "SELECT 2 AS " + marker, "SELECT 3 AS " + marker);

        // 3 runs that allow a cached result, find none (3 misses) and finish
        List<Long> resultIds = new ArrayList<>();
        for (String sql : cachedSql) {
            resultIds.add(runs.finish(runs.submit(anyAge(dataSource, sql))).path("query_result_id").asLong());
        }
        // the same SQL twice more: 2 hits, answered with the stored results, nothing runs
        for (int i = 0; i < 2; i++) {
            JsonNode answer = Runs.asJob(api.post("/api/query_results", anyAge(dataSource, cachedSql.get(i))).json());
            assertThat(answer.path("query_result_id").asLong()).isEqualTo(resultIds.get(i));
        }
        // its cache entry gone (TTL passed, Redis emptied): a miss, answered from the metadata store all the same
        String third = PREFIX + "cache:" + dataSource + ":" + SqlHash.of(cachedSql.get(2));
        try (Jedis jedis = redis()) {
            assertThat(jedis.pttl(third)).isPositive().isLessThanOrEqualTo(cacheProperties.ttl().toMillis());
            jedis.del(third);
        }
        JsonNode fromStore = Runs.asJob(api.post("/api/query_results", anyAge(dataSource, cachedSql.get(2))).json());
        assertThat(fromStore.path("query_result_id").asLong()).isEqualTo(resultIds.get(2));
        try (Jedis jedis = redis()) {
            assertThat(jedis.get(third)).as("written back to the cache").startsWith(resultIds.get(2) + ":");
        }
        // 1 failed
        runs.error(dataSource, "SELECT * FROM no_such_table_" + marker);
        // both adhoc threads busy and one more adhoc job waiting; one scheduled job waits with no thread to run it
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < ADHOC_THREADS + 1; i++) {
            slow.add(runs.submit(dataSource, "SELECT pg_sleep(2), " + i + " AS " + marker).path("id").asString());
        }
        queue.submit(new QueryJob(UUID.randomUUID().toString(), dataSource, SqlHash.of("SELECT 4"), "SELECT 4", null, 0, false),
                RedisJobQueue.Queue.SCHEDULED);
        await().atMost(Duration.ofSeconds(5)).until(() -> prometheus.value("sightline_queue_depth{queue=\"adhoc\"}") == 1);
        assertThat(prometheus.value("sightline_queue_depth{queue=\"scheduled\"}")).isEqualTo(1);
        assertThat(prometheus.value("sightline_queue_oldest_job_age_seconds{queue=\"adhoc\"}")).isPositive();
        assertThat(prometheus.value("sightline_queue_oldest_job_age_seconds{queue=\"scheduled\"}")).isPositive();
        assertThat(prometheus.value("sightline_worker_threads{queue=\"adhoc\",state=\"busy\"}")).isEqualTo(ADHOC_THREADS);
        assertThat(prometheus.value("sightline_worker_threads{queue=\"adhoc\",state=\"idle\"}")).isZero();
        slow.forEach(id -> assertThat(runs.await(id).path("status").asInt()).isEqualTo(3));

        String ds = "data_source=\"" + dataSource + "\"";
        assertThat(prometheus.value("sightline_jobs_total{outcome=\"finished\"}")).isEqualTo(6);
        assertThat(prometheus.value("sightline_jobs_total{outcome=\"failed\"}")).isEqualTo(1);
        assertThat(prometheus.value("sightline_jobs_total{outcome=\"cancelled\"}")).isZero();
        assertThat(prometheus.value("sightline_cache_requests_total{result=\"hit\"}")).isEqualTo(2);
        assertThat(prometheus.value("sightline_cache_requests_total{result=\"miss\"}")).isEqualTo(4);
        assertThat(prometheus.value("sightline_query_duration_seconds_count{" + ds + ",outcome=\"finished\",queue=\"adhoc\"}"))
                .isEqualTo(6);
        assertThat(prometheus.value("sightline_query_duration_seconds_count{" + ds + ",outcome=\"failed\",queue=\"adhoc\"}"))
                .isEqualTo(1);
        assertThat(prometheus.value("sightline_query_duration_seconds_sum{" + ds + ",outcome=\"finished\",queue=\"adhoc\"}"))
                .as("three of them slept 2 s").isGreaterThanOrEqualTo(3 * 2.0);
        assertThat(prometheus.scrape()).doesNotContain("queue=\"scheduled\",outcome", "outcome=\"finished\",queue=\"scheduled\"");
        assertThat(prometheus.value("sightline_queue_depth{queue=\"adhoc\"}")).isZero();
        assertThat(prometheus.value("sightline_queue_oldest_job_age_seconds{queue=\"adhoc\"}")).isZero();
        assertThat(prometheus.value("sightline_queue_depth{queue=\"scheduled\"}")).as("still paused").isEqualTo(1);
        assertThat(prometheus.value("sightline_worker_threads{queue=\"adhoc\",state=\"busy\"}")).isZero();
        assertThat(prometheus.value("sightline_worker_threads{queue=\"adhoc\",state=\"idle\"}")).isEqualTo(ADHOC_THREADS);
        assertThat(prometheus.value("sightline_worker_threads{queue=\"scheduled\",state=\"idle\"}")).isZero();
        assertThat(prometheus.value("sightline_redis_up")).isEqualTo(1);
        assertThat(prometheus.value("sightline_redis_outages_total")).isZero();
    }

    private static Map<String, Object> anyAge(long dataSource, String sql) {
        return Map.of("data_source_id", dataSource, "query", sql, "max_age", -1);
    }
}
