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

/** The per-user cap of unfinished jobs with the job store in Redis (shared by every API process). */
class RedisUserJobCapTest extends RedisQueueServerTest {

    @DynamicPropertySource
    static void smallCap(DynamicPropertyRegistry registry) {
        registry.add("sightline.limits.max-jobs-per-user", () -> "2");
    }

    @Test
    void refusesAThirdUnfinishedJobOfOneUserWith429AndAdmitsAgainOnceTheyEnd() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        Runs runs = new Runs(api());
        List<String> jobs = new ArrayList<>();
        jobs.add(runs.submit(source, "SELECT pg_sleep(30), 1 AS user_cap").path("id").asString());
        jobs.add(runs.submit(source, "SELECT pg_sleep(30), 2 AS user_cap").path("id").asString());

        Api.Response third = api().post("/api/query_results",
                Map.of("data_source_id", source, "query", "SELECT 3 AS user_cap", "max_age", 0));
        assertThat(third.status()).as(third.toString()).isEqualTo(429);
        assertThat(third.message()).contains("2 queries queued or running").contains("SIGHTLINE_MAX_JOBS_PER_USER");

        Api.Response joined = api().post("/api/query_results",
                Map.of("data_source_id", source, "query", "SELECT pg_sleep(30), 1 AS user_cap", "max_age", 0));
        assertThat(joined.status()).as("joining a run in flight adds no job").isEqualTo(200);

        jobs.forEach(id -> api().delete("/api/jobs/" + id));
        jobs.forEach(runs::await);
        assertThat(runs.result(source, "SELECT 4 AS user_cap").path("data").path("rows")).hasSize(1);
    }
}
