package io.sightline.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * The Redis stream's length limit (its MAXLEN): a full queue refuses a new run with 429, and no job that waits
 * (put back again and again while its data source is at its concurrency limit) or runs is ever trimmed away.
 */
class RedisQueueLimitTest extends RedisQueueServerTest {

    @DynamicPropertySource
    static void smallQueue(DynamicPropertyRegistry registry) {
        registry.add("sightline.limits.max-queue-length", () -> "3");
    }

    @Test
    void refusesARunWhenTheStreamIsFullAndRunsEveryAdmittedJob() {
        long source = new DataSourceFixtures(api()).postgres(Map.of("concurrency_limit", 1));
        Runs runs = new Runs(api());
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(runs.submit(source, "SELECT pg_sleep(1), " + i + " AS queue_limit").path("id").asString());
        }
        Api.Response full = api().post("/api/query_results",
                Map.of("data_source_id", source, "query", "SELECT 4 AS queue_limit", "max_age", 0));
        assertThat(full.status()).as(full.toString()).isEqualTo(429);
        assertThat(full.message()).contains("adhoc queue holds 3 jobs").contains("SIGHTLINE_MAX_QUEUE_LENGTH");

        try (Jedis redis = redis()) {
            assertThat(redis.xlen(PREFIX + "queue:adhoc")).isLessThanOrEqualTo(3);
        }
        for (String id : jobs) {
            JsonNode job = runs.await(id);
            assertThat(job.path("status").asInt()).as("job " + job).isEqualTo(3);
        }
        try (Jedis redis = redis()) {
            assertThat(redis.xlen(PREFIX + "queue:adhoc")).as("acknowledged entries are deleted").isZero();
        }
        assertThat(runs.result(source, "SELECT 5 AS queue_limit").path("data").path("rows")).hasSize(1);
    }
}
