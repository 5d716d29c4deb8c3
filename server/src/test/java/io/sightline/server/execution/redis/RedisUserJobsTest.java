package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.common.api.execution.Job;
import io.sightline.server.execution.Jobs;
import io.sightline.server.support.OwnRedisKeys;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import redis.clients.jedis.Jedis;

/**
 * The per-user cap with the user's jobs in Redis: API processes admitting runs of one user at once never admit more
 * than the cap, and ended jobs make room. Stores on connection pools of their own stand in for separate processes,
 * on the machine's Redis under a key prefix of this test's own.
 */
class RedisUserJobsTest extends SeparateProcessStores {

    private static final int CAP = 3;
    private static final LimitsProperties LIMITS = new LimitsProperties(DataSize.ofMegabytes(1), 1000, 100, 100, 100,
            CAP, 100, 1000, DataSize.ofMegabytes(1), Duration.ofDays(1), Duration.ofHours(1));

    RedisUserJobsTest() {
        super("sightline-userjobs-test-");
    }

    @Test
    void processesAdmittingRunsOfOneUserAtOnceAdmitNoMoreThanTheCap() throws Exception {
        int processes = 8;
        List<ApiProcess> api = new ArrayList<>();
        for (int process = 0; process < processes; process++) {
            api.add(new ApiProcess());
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (long user = 1; user <= 5; user++) {
                long userId = user;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> admitted = new ArrayList<>();
                for (ApiProcess process : api) {
                    String job = process.queuedJob();
                    admitted.add(pool.submit(() -> {
                        start.await();
                        try {
                            process.users.admit(userId, job);
                            return true;
                        } catch (ApiException e) {
                            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                            return false;
                        }
                    }));
                }
                start.countDown();
                int admittedRuns = 0;
                for (Future<Boolean> run : admitted) {
                    admittedRuns += run.get() ? 1 : 0;
                }
                assertThat(admittedRuns).as("runs of user %d admitted at once", userId).isEqualTo(CAP);
                try (Jedis jedis = OwnRedisKeys.connect()) {
                    assertThat(jedis.zcard(prefix + "userjobs:" + userId)).isEqualTo(CAP);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void endedJobsMakeRoomAndLeaveTheUsersSet() {
        ApiProcess api = new ApiProcess();
        long user = 42;
        List<String> jobs = new ArrayList<>();
        for (int run = 0; run < CAP; run++) {
            jobs.add(api.queuedJob());
            api.users.admit(user, jobs.get(run));
        }
        String next = api.queuedJob();
        assertThatThrownBy(() -> api.users.admit(user, next)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        api.jobs.update(jobs.get(0), job -> Jobs.failed(job, "ended"));
        api.users.admit(user, next);

        try (Jedis jedis = OwnRedisKeys.connect()) {
            assertThat(jedis.zrange(prefix + "userjobs:" + user, 0, -1))
                    .containsExactlyInAnyOrder(jobs.get(1), jobs.get(2), next);
        }
    }

    /** One API process: a connection pool, job store and user jobs of its own. */
    private final class ApiProcess {

        final RedisJobStore jobs;
        final RedisUserJobs users;

        ApiProcess() {
            RedisConnection connection = connection();
            jobs = jobStore(connection);
            users = new RedisUserJobs(connection, jobs, LIMITS, EXECUTION);
        }

        /** A job that counts against its user until it ends. */
        String queuedJob() {
            String hash = "userjobs-" + UUID.randomUUID();
            Job job = jobs.createOrJoin(999_996, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_996, hash))
                    .job();
            return job.id();
        }
    }
}
