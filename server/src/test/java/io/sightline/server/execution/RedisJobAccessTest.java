package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs in the Redis job store: who started a job is stored with it, so the same rules hold across processes. */
class RedisJobAccessTest extends RedisQueueServerTest {

    private JobAccessChecks checks;
    private long dataSource;

    @BeforeEach
    void runsAnsweredWithTheirJob() {
        // answer-within is 0 here: every run is answered with its job
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:results_redis_jobs_"
                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        checks = new JobAccessChecks(api(), dataSource, "SELECT 1 AS one");
    }

    @Test
    void hidesAJobFromUsersWhoCannotReachItsDataSource() {
        checks.hidesAJobFromUsersWhoCannotReachItsDataSource();
    }

    @Test
    void cancelsAJobOnlyForWhoStartedItOrAnAdmin() {
        checks.cancelsAJobOnlyForWhoStartedItOrAnAdmin();
    }

    @Test
    void storesWhoStartedAJobBesideIt() {
        var answer = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 2 -- "
                + UUID.randomUUID(), "max_age", 0));
        String job = answer.json().path("job").path("id").asString();
        long adminId = api().get("/api/session").json().path("user").path("id").asLong();
        try (var redis = redis()) {
            assertThat(redis.hget(PREFIX + "job:" + job, "user")).as(answer.body()).isEqualTo(Long.toString(adminId));
        }
    }
}
