package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.result.SqlHash;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.OwnRedisServer;
import io.sightline.server.support.Prometheus;
import io.sightline.server.support.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped and started again under a running server (role all): the API keeps answering from the metadata
 * store, the result cache degrades to misses, the outage is logged and counted once, and queue and cache work
 * again by themselves once Redis is back. The Redis is a redis-server of this test's
 * own on a spare port, with an append-only file so a restart keeps its data; the machine's shared Redis is never
 * stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

    private static final String ADMIN_KEY = "it-outage-admin-key-0123456789";
    /** With an append-only file, so a restart keeps its data. */
    private static final OwnRedisServer REDIS = new OwnRedisServer("redis-outage", true);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sightline.redis-url", () -> {
            REDIS.start();
            return REDIS.url().toString();
        });
        registry.add("sightline.data-dir", () -> tempDir("sightline-outage-").toString());
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.database-url", () -> "");
        registry.add("sightline.role", () -> "all");
        registry.add("sightline.redis.visibility-timeout", () -> "2s");
        registry.add("sightline.redis.heartbeat", () -> "300ms");
        registry.add("sightline.execution.answer-within", () -> "0s");
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    }

    @AfterAll
    static void stopOwnRedis() throws InterruptedException {
        REDIS.destroy();
    }

    @Test
    void apiKeepsAnsweringWhileRedisIsDownAndWorkAndCacheResumeWhenItIsBack(CapturedOutput log) throws Exception {
        Api api = new Api(port, ADMIN_KEY);
        Runs runs = new Runs(api);
        Prometheus prometheus = new Prometheus(port);
        long dataSource = new DataSourceFixtures(api).postgres(Map.of());
        JsonNode before = runs.finish(runs.submit(dataSource, "SELECT 1 AS before_outage"));
        long storedResult = before.path("query_result_id").asLong();
        assertThat(cachedRun(api, dataSource, "SELECT 1 AS before_outage")).as("from the cache").isEqualTo(storedResult);
        long savedQuery = api.post("/api/queries", Map.of("name", "outage", "query", "SELECT 1", "data_source_id", dataSource))
                .json().path("id").asLong();
        // a job running when Redis goes away: its worker cannot report the end, and a worker runs it again later
        String running = runs.submit(dataSource, "SELECT 3 AS across_outage, pg_sleep(2)").path("id").asString();
        Thread.sleep(500);

        REDIS.stop(); // SHUTDOWN writes the append-only file, so the restarted server has the jobs and streams again

        for (int request = 0; request < 3; request++) {
            assertThat(api.get("/api/query_results/" + storedResult).status()).as("stored results").isEqualTo(200);
            assertThat(api.get("/api/data_sources").status()).isEqualTo(200);
            assertThat(api.get("/api/queries/" + savedQuery).status()).as("saved queries").isEqualTo(200);
            assertThat(cachedRun(api, dataSource, "SELECT 1 AS before_outage"))
                    .as("the cache is down: the metadata store answers, no queue needed").isEqualTo(storedResult);
        }
        Api.Response refused = api.post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 2", "max_age", 0));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.message()).contains("job queue (Redis) cannot be reached");
        assertThat(api.get("/api/jobs/" + running).status()).isEqualTo(503);
        assertThat(prometheus.value("sightline_redis_up")).isZero();
        assertThat(prometheus.value("sightline_queue_depth{queue=\"adhoc\"}")).as("unknown while down").isNaN();
        Thread.sleep(2_500); // the query ends meanwhile

        REDIS.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/jobs/" + running).status() == 200);
        JsonNode across = runs.await(running);
        assertThat(across.path("status").asInt()).as(across.toString()).isEqualTo(3);
        JsonNode afterJob = runs.finish(runs.submit(dataSource, "SELECT 2 AS after_outage"));
        JsonNode after = runs.finishedResult(afterJob);
        assertThat(after.path("data").path("rows").get(0).path("after_outage").asInt()).isEqualTo(2);
        assertThat(cachedRun(api, dataSource, "SELECT 2 AS after_outage")).as("the cache works again")
                .isEqualTo(afterJob.path("query_result_id").asLong());
        try (Jedis jedis = new Jedis(REDIS.url())) {
            assertThat(jedis.exists("sightline:cache:" + dataSource + ":" + SqlHash.of("SELECT 2 AS after_outage"))).isTrue();
        }

        assertThat(prometheus.value("sightline_cache_requests_total{result=\"hit\"}")).isEqualTo(2);
        assertThat(prometheus.value("sightline_cache_requests_total{result=\"miss\"}")).isEqualTo(3);
        assertThat(prometheus.value("sightline_redis_outages_total")).as("one outage").isEqualTo(1);
        assertThat(prometheus.value("sightline_redis_up")).isEqualTo(1);
        assertThat(occurrences(log.getOut(), "cannot be reached;")).as("logged once, not per request").isEqualTo(1);
        assertThat(occurrences(log.getOut(), "is reachable again")).isEqualTo(1);
        assertThat(log.getOut()).doesNotContain("fails to use the Redis queue", "result cache in Redis fails");
    }

    /** A run that takes any cached result; the id of the result it was answered with. */
    private static long cachedRun(Api api, long dataSource, String sql) {
        Api.Response answer = api.post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", -1));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().has("query_result")).as("answered with a result: " + answer).isTrue();
        return answer.json().path("query_result").path("id").asLong();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
