package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.common.api.execution.Job;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobStore;
import io.sightline.server.execution.Jobs;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.result.SqlHash;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.ResultWriter;
import io.sightline.server.support.ConcurrentRuns;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import io.sightline.server.system.SightlineProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * The Redis mode's data source concurrency limit (leases in Redis that every worker process shares), the
 * in-flight lock of a job that waits for it, and a job taken over after its result was stored.
 */
class RedisDataSourceConcurrencyTest extends RedisQueueServerTest {

    @Autowired
    private RedisQueueProperties redisProperties;
    @Autowired
    private ExecutionProperties executionProperties;
    @Autowired
    private JobStore jobStore;
    @Autowired
    private ResultStore results;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void runsNoMoreQueriesAtOnceThanTheLimitAndFinishesThemAll() throws Exception {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("concurrency_limit", 2));
        String marker = "rlimit_" + UUID.randomUUID().toString().replace("-", "");

        ConcurrentRuns.Observed observed = new ConcurrentRuns(api()).run(limited, marker, 6, 1);

        assertThat(observed.ended()).hasSize(6).allSatisfy(job -> assertThat(job.path("status").asInt()).isEqualTo(3));
        assertThat(observed.mostAtOnce()).as("running at once in PostgreSQL").isEqualTo(2);
        assertThat(observed.someWaitedQueued()).as("the others waited as queued jobs").isTrue();
        await("every lease returned as its job ended").atMost(Duration.ofSeconds(5)).until(() -> {
            try (Jedis jedis = redis()) {
                return !jedis.exists(PREFIX + "slots:" + limited);
            }
        });
    }

    /**
     * A worker killed while it ran a query on the data source leaves its lease behind: the job waiting for the
     * slot stays queued (and joinable) while the lease lives, and runs once it has expired.
     */
    @Test
    void slotOfAKilledWorkerFreesItselfAndTheWaitingJobStaysJoinable() {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("concurrency_limit", 1));
        RedisConnection deadWorkersConnection = new RedisConnection(sightline(), redisProperties, executionProperties, new SimpleMeterRegistry());
        try {
            // a worker whose visibility timeout is longer than this test's: time to watch the job wait
            var slower = new RedisQueueProperties(PREFIX, Duration.ofSeconds(5), redisProperties.heartbeat(),
                    redisProperties.maxDeliveries(), redisProperties.lockTtl(), redisProperties.scheduledWorkerThreads(),
                    redisProperties.shutdownGrace());
            assertThat(new RedisDataSourceSlots(deadWorkersConnection, slower).tryAcquire(limited, "killed-workers-job", 1))
                    .isTrue();
        } finally {
            deadWorkersConnection.destroy();
        }
        String sql = "SELECT 'after the lease' AS waited_for_" + UUID.randomUUID().toString().replace("-", "");
        Runs runs = new Runs(api());
        JsonNode job = runs.submit(limited, sql);
        String jobId = job.path("id").asString();

        String lease = PREFIX + "slots:" + limited;
        String lock = PREFIX + "inflight:" + limited + ":" + SqlHash.of(sql);
        boolean sawItWaiting = false;
        try (Jedis jedis = redis()) {
            while (true) {
                int status = api().get("/api/jobs/" + jobId).json().path("job").path("status").asInt();
                long lockMillis = jedis.pttl(lock);
                if (jedis.zscore(lease, "killed-workers-job") == null) {
                    break; // expired: what was read before may already be the job running
                }
                assertThat(status).as("queued while the killed worker's lease holds the only slot").isEqualTo(1);
                assertThat(lockMillis).as("the waiting job's in-flight lock lives as long as the job may wait")
                        .isGreaterThan(redisProperties.lockTtl().toMillis());
                assertThat(runs.submit(limited, sql).path("id").asString()).as("joined, not run twice").isEqualTo(jobId);
                sawItWaiting = true;
                sleep(100);
            }
        }
        assertThat(sawItWaiting).isTrue();
        JsonNode ended = runs.await(jobId);
        assertThat(ended.path("status").asInt()).as(ended.toString()).isEqualTo(3);
        assertThat(runs.finishedResult(ended).path("data").path("rows").get(0).toString()).contains("after the lease");
    }

    /**
     * A worker killed after it stored a job's result but before it ended the job: the worker taking the job over
     * ends it with that result, without running the query again and without storing a second result.
     */
    @Test
    void takenOverJobWhoseResultWasStoredEndsWithThatResult() {
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        String sql = "SELECT 'ran once' AS stored_" + UUID.randomUUID().toString().replace("-", "");
        String hash = SqlHash.of(sql);
        Job job = jobStore.createOrJoin(dataSource, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), dataSource, hash)).job();
        jobStore.update(job.id(), Jobs::started);
        long stored;
        try (ResultWriter writer = results.open(job.id(), dataSource, hash, sql,
                List.of(new Column("stored", "stored", ColumnType.STRING)), 100)) {
            writer.add(new Object[] {"by the killed worker"});
            stored = writer.finish(false, Duration.ofMillis(5));
        }
        try (Jedis jedis = redis()) {
            RedisQueueExecutionTest.addAndTakeAsDeadWorker(jedis, PREFIX + "queue:adhoc",
                    new QueryJob(job.id(), dataSource, hash, sql, null, 1, false));
            jedis.hset(PREFIX + "job:" + job.id(), "worker", "killed-worker");
        }

        JsonNode ended = new Runs(api()).await(job.id());

        assertThat(ended.path("status").asInt()).as(ended.toString()).isEqualTo(3);
        assertThat(ended.path("query_result_id").asLong()).isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM query_results WHERE query_hash = ? AND complete").param(hash)
                .query(Long.class).single()).as("one stored result").isEqualTo(1);
    }

    /** Once a worker runs the job, its in-flight lock lives only as long as that worker's heartbeat renews it. */
    @Test
    void runningJobsLockIsShortLivedAndRenewed() {
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        String sql = "SELECT pg_sleep(2) AS renewed_" + UUID.randomUUID().toString().replace("-", "");
        Runs runs = new Runs(api());
        String jobId = runs.submit(dataSource, sql).path("id").asString();
        String lock = PREFIX + "inflight:" + dataSource + ":" + SqlHash.of(sql);
        long shortLived = Math.max(redisProperties.lockTtl().toMillis(), 2 * redisProperties.visibilityTimeout().toMillis());

        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/jobs/" + jobId).json().path("job")
                .path("status").asInt() == 2);
        try (Jedis jedis = redis()) {
            assertThat(jedis.pttl(lock)).isPositive().isLessThanOrEqualTo(shortLived);
        }
        assertThat(runs.await(jobId).path("status").asInt()).isEqualTo(3);
        try (Jedis jedis = redis()) {
            assertThat(jedis.exists(lock)).as("deleted when the job ended").isFalse();
        }
    }

    /**
     * A job put back while its data source was at its limit keeps the count of workers that died running it:
     * its entry is new, yet max-deliveries still applies.
     */
    @Test
    void putBackJobKeepsItsCountOfDeadWorkers() {
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        String sql = "SELECT 'never run' AS lost_" + UUID.randomUUID().toString().replace("-", "");
        String hash = SqlHash.of(sql);
        Job job = jobStore.createOrJoin(dataSource, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), dataSource, hash)).job();
        try (Jedis jedis = redis()) {
            RedisQueueExecutionTest.addAndTakeAsDeadWorker(jedis, PREFIX + "queue:adhoc",
                    new QueryJob(job.id(), dataSource, hash, sql, null, 1, false),
                    Map.of("lost_deliveries", Integer.toString(redisProperties.maxDeliveries())));
            jedis.hset(PREFIX + "job:" + job.id(), "worker", "killed-worker");
        }

        JsonNode ended = new Runs(api()).await(job.id());

        assertThat(ended.path("status").asInt()).as(ended.toString()).isEqualTo(4);
        assertThat(ended.path("error").asString()).contains("each stopped responding");
    }

    private SightlineProperties sightline() {
        return new SightlineProperties(Path.of("."), "", REDIS_URL, "", "", "", "", SightlineProperties.Role.API,
                SightlineProperties.DemoData.NEVER);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
