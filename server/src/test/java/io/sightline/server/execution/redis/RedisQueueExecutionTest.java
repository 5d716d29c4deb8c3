package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobQueue;
import io.sightline.server.execution.JobStore;
import io.sightline.server.execution.Jobs;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.result.SqlHash;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresActivity;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import io.sightline.server.system.SightlineProperties;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;
import tools.jackson.databind.JsonNode;

/** The Redis queue and job store in one process (role all) on the machine's Redis and PostgreSQL. */
class RedisQueueExecutionTest extends RedisQueueServerTest {

    @Autowired
    private JobStore jobStore;
    @Autowired
    private JobQueue jobQueue;
    @Autowired
    private RedisQueueProperties redisProperties;
    @Autowired
    private ExecutionProperties executionProperties;

    private long dataSource;
    private Runs runs;

    @BeforeEach
    void dataSource() {
        dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        runs = new Runs(api());
    }

    @Test
    void usesTheRedisQueueAndJobStore() {
        assertThat(jobStore).isInstanceOf(RedisJobStore.class);
        assertThat(jobQueue).isInstanceOf(RedisJobQueue.class);
    }

    @Test
    void runsAQueryThroughTheStreamAndKeepsTheJobInRedisWithATimeToLive() {
        String marker = "q_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode job = runs.submit(dataSource, "SELECT pg_sleep(1.5), 42 AS " + marker);
        assertThat(job.path("status").asInt()).as("slower than answer-within: answered with the job").isLessThan(3);
        String jobId = job.path("id").asString();

        JsonNode ended = runs.await(jobId);
        assertThat(ended.path("status").asInt()).isEqualTo(3);
        JsonNode result = runs.finishedResult(ended);
        assertThat(result.path("data").path("rows").get(0).path(marker).asInt()).isEqualTo(42);
        try (Jedis jedis = redis()) {
            assertThat(jedis.hget(PREFIX + "job:" + jobId, "worker")).isNotBlank();
            long ttl = jedis.pttl(PREFIX + "job:" + jobId);
            assertThat(ttl).isPositive().isLessThanOrEqualTo(executionProperties.jobRetention().toMillis());
            assertThat(jedis.xlen(PREFIX + "queue:adhoc")).as("acknowledged entries are removed").isZero();
        }
    }

    @Test
    void identicalQueryInFlightIsJoinedNotRunTwice() throws SQLException {
        String marker = "dedup_" + UUID.randomUUID().toString().replace("-", "");
        String sql = "SELECT pg_sleep(3) AS " + marker;
        String first = runs.submit(dataSource, sql).path("id").asString();
        String second = runs.submit(dataSource, sql).path("id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(PostgresActivity.activeStatements(marker)).isLessThanOrEqualTo(1);
        assertThat(runs.await(first).path("status").asInt()).isEqualTo(3);
    }

    /** Separate connection pools and stores stand in for separate API processes racing on one query. */
    @Test
    void racingProcessesGetOneJobForTheSameQuery() throws Exception {
        String hash = "race-" + UUID.randomUUID();
        List<RedisConnection> connections = new ArrayList<>();
        RedisJobEndSignals signals = new RedisJobEndSignals(sightline(), redisProperties);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JobStore.Joined>> joins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RedisConnection connection = new RedisConnection(sightline(), redisProperties, executionProperties, new SimpleMeterRegistry());
                connections.add(connection);
                RedisJobStore store = new RedisJobStore(connection, signals, executionProperties, redisProperties);
                Callable<JobStore.Joined> join = () -> {
                    start.await();
                    return store.createOrJoin(999_999, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_999, hash));
                };
                joins.add(pool.submit(join));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<JobStore.Joined> join : joins) {
                ids.add(join.get().job().id());
                created += join.get().created() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);

            // once the job has ended, the same query gets a new job
            String id = ids.iterator().next();
            jobStore.update(id, job -> Jobs.failed(job, "test ended it"));
            JobStore.Joined next = jobStore.createOrJoin(999_999, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_999, hash));
            assertThat(next.created()).isTrue();
            assertThat(next.job().id()).isNotEqualTo(id);
            jobStore.update(next.job().id(), job -> Jobs.failed(job, "test ended it"));
        } finally {
            pool.shutdownNow();
            connections.forEach(RedisConnection::destroy);
            signals.destroy();
        }
    }

    @Test
    void inFlightLockExpiresWhenNoWorkerRenewsIt() {
        String hash = "stale-" + UUID.randomUUID();
        Job job = jobStore.createOrJoin(999_998, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_998, hash)).job();
        try (Jedis jedis = redis()) {
            long ttl = jedis.pttl(PREFIX + "inflight:999998:" + hash);
            assertThat(ttl).isPositive().isLessThanOrEqualTo(redisProperties.lockTtl().toMillis());
        }
        jobStore.update(job.id(), j -> Jobs.failed(j, "test ended it"));
        try (Jedis jedis = redis()) {
            assertThat(jedis.exists(PREFIX + "inflight:999998:" + hash)).as("an ended job releases its lock").isFalse();
        }
    }

    @Test
    void cancelReachesTheWorkerThroughRedisAndStopsTheStatement() {
        String marker = "cancel_" + UUID.randomUUID().toString().replace("-", "");
        String jobId = runs.submit(dataSource, "SELECT pg_sleep(60) AS " + marker).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> PostgresActivity.activeStatements(marker) == 1);

        assertThat(api().delete("/api/jobs/" + jobId).status()).isEqualTo(200);

        JsonNode ended = runs.await(jobId);
        assertThat(ended.path("status").asInt()).isEqualTo(4);
        assertThat(ended.path("cancelled").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> PostgresActivity.activeStatements(marker) == 0);
    }

    @Test
    void timeLimitStillApplies() {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("query_timeout", 1));
        String error = runs.error(limited, "SELECT pg_sleep(30)");
        assertThat(error).contains("exceeded the time limit of 1 s");
    }

    @Test
    void rowLimitStillApplies() {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("row_limit", 250));
        JsonNode result = runs.result(limited, "SELECT g AS n FROM generate_series(1, 5000) g");
        assertThat(result.path("row_count").asLong()).isEqualTo(250);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("row_limit").asInt()).isEqualTo(250);
    }

    @Test
    void failedSqlCarriesTheDatabaseMessage() {
        assertThat(runs.error(dataSource, "SELECT * FROM no_such_table_" + UUID.randomUUID().toString().replace("-", "")))
                .contains("does not exist");
    }

    /** A worker that took an entry and died (never acknowledged it): a live worker takes it over and runs it. */
    @Test
    void jobOfADeadWorkerIsTakenOverAfterTheVisibilityTimeout() {
        QueryJob job = queuedJob("SELECT 7 AS taken_over");
        String stream = PREFIX + "queue:adhoc";
        try (Jedis jedis = redis()) {
            addAndTakeAsDeadWorker(jedis, stream, job);
            jedis.hset(PREFIX + "job:" + job.jobId(), "worker", "dead-worker");
        }

        JsonNode ended = runs.await(job.jobId());
        assertThat(ended.path("status").asInt()).as(ended.toString()).isEqualTo(3);
        assertThat(runs.finishedResult(ended).path("data").path("rows").get(0).path("taken_over").asInt()).isEqualTo(7);
    }

    /** An entry already delivered max-deliveries times to workers that died is failed, not run again. */
    @Test
    void jobDeliveredTooOftenFailsWithAMessage() {
        QueryJob job = queuedJob("SELECT 8");
        String stream = PREFIX + "queue:adhoc";
        try (Jedis jedis = redis()) {
            StreamEntryID entry = addAndTakeAsDeadWorker(jedis, stream, job);
            jedis.xclaimJustId(stream, RedisJobQueue.GROUP, "dead-worker", 0,
                    XClaimParams.xClaimParams().retryCount(redisProperties.maxDeliveries()), entry);
            jedis.hset(PREFIX + "job:" + job.jobId(), "worker", "dead-worker");
        }

        JsonNode ended = runs.await(job.jobId());
        assertThat(ended.path("status").asInt()).isEqualTo(4);
        assertThat(ended.path("error").asString())
                .contains("given to 2 workers and each stopped responding")
                .contains("dead-worker");
    }

    @Test
    void scheduledQueueHasItsOwnWorkers() {
        QueryJob job = queuedJob("SELECT 9 AS scheduled");
        ((RedisJobQueue) jobQueue).submit(job, RedisJobQueue.Queue.SCHEDULED);

        JsonNode ended = runs.await(job.jobId());
        assertThat(ended.path("status").asInt()).isEqualTo(3);
    }

    @Test
    void awaitEndReturnsWhenAnotherProcessEndsTheJob() throws Exception {
        String hash = "await-" + UUID.randomUUID();
        Job job = jobStore.createOrJoin(999_997, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_997, hash)).job();
        assertThat(jobStore.awaitEnd(job.id(), Duration.ofMillis(200)).status()).isEqualTo(JobStatus.QUEUED);

        RedisConnection other = new RedisConnection(sightline(), redisProperties, executionProperties, new SimpleMeterRegistry());
        RedisJobEndSignals otherSignals = new RedisJobEndSignals(sightline(), redisProperties);
        var elsewhere = Executors.newSingleThreadScheduledExecutor();
        try {
            elsewhere.schedule(() ->
                    new RedisJobStore(other, otherSignals, executionProperties, redisProperties).update(job.id(), j -> Jobs.failed(j, "ended elsewhere")),
                    300, java.util.concurrent.TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            Job ended = jobStore.awaitEnd(job.id(), Duration.ofSeconds(10));
            assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
            assertThat(ended.error()).isEqualTo("ended elsewhere");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        } finally {
            elsewhere.shutdown();
            elsewhere.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            other.destroy();
            otherSignals.destroy();
        }
    }

    /** The end of a job is announced, so waiting API replicas wake at once instead of at their next poll. */
    @Test
    void endingAJobAnnouncesItToWaitingProcesses() throws Exception {
        String hash = "signal-" + UUID.randomUUID();
        Job job = jobStore.createOrJoin(999_996, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), 999_996, hash)).job();
        var heard = new java.util.concurrent.LinkedBlockingQueue<String>();
        var listener = new redis.clients.jedis.JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                heard.add(message);
            }
        };
        Thread subscriber = new Thread(() -> {
            try (var jedis = new redis.clients.jedis.Jedis(java.net.URI.create(sightline().redisUrl()))) {
                jedis.subscribe(listener, PREFIX + "jobs:ended");
            }
        });
        subscriber.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(listener::isSubscribed);
            jobStore.update(job.id(), Jobs::started);
            jobStore.update(job.id(), j -> Jobs.failed(j, "ended"));
            assertThat(heard.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(job.id());
            assertThat(heard).isEmpty(); // only the end is announced, not every change
        } finally {
            listener.unsubscribe();
            subscriber.join(5_000);
        }
    }

    @Test
    void metricsCountEndedJobsAndShowWhatWaitsInTheQueue() {
        double finishedBefore = metric("sightline_jobs_total{outcome=\"finished\"}");
        double failedBefore = metric("sightline_jobs_total{outcome=\"failed\"}");
        assertThat(metric("sightline_queue_depth{queue=\"adhoc\"}")).isZero();

        String marker = "busy_" + UUID.randomUUID().toString().replace("-", "");
        int threads = executionProperties.workerThreads();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < threads + 2; i++) { // every worker thread busy, two jobs wait (answer-within is 0 here)
            jobs.add(runs.submit(dataSource, "SELECT pg_sleep(4), " + i + " AS " + marker).path("id").asString());
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> metric("sightline_queue_depth{queue=\"adhoc\"}") == 2);
        assertThat(metric("sightline_worker_threads{queue=\"adhoc\",state=\"busy\"}")).isEqualTo(threads);
        assertThat(metric("sightline_worker_threads{queue=\"adhoc\",state=\"idle\"}")).isZero();
        assertThat(metric("sightline_queue_oldest_job_age_seconds{queue=\"adhoc\"}")).isPositive();
        runs.error(dataSource, "SELECT * FROM no_such_table_" + marker);

        jobs.forEach(id -> assertThat(runs.await(id).path("status").asInt()).isEqualTo(3));
        assertThat(metric("sightline_jobs_total{outcome=\"finished\"}")).isEqualTo(finishedBefore + threads + 2);
        assertThat(metric("sightline_jobs_total{outcome=\"failed\"}")).isEqualTo(failedBefore + 1);
        assertThat(metric("sightline_queue_depth{queue=\"adhoc\"}")).isZero();
        assertThat(metric("sightline_queue_oldest_job_age_seconds{queue=\"adhoc\"}")).isZero();
        assertThat(prometheus()).contains("sightline_query_duration_seconds_bucket{data_source=\"" + dataSource + "\"");
        assertThat(metric("sightline_worker_threads{queue=\"adhoc\",state=\"idle\"}")).isEqualTo(threads);
    }

    @Test
    void metricsCountCacheHitsAndMisses() {
        double hits = metric("sightline_cache_requests_total{result=\"hit\"}");
        double misses = metric("sightline_cache_requests_total{result=\"miss\"}");
        Map<String, Object> run = Map.of("data_source_id", dataSource, "query", "SELECT '" + UUID.randomUUID() + "' AS cached",
                "max_age", -1);

        runs.finish(runs.submit(run));
        assertThat(Runs.asJob(api().post("/api/query_results", run).json()).path("status").asInt())
                .as("answered from the cache").isEqualTo(3);

        assertThat(metric("sightline_cache_requests_total{result=\"miss\"}")).isEqualTo(misses + 1);
        assertThat(metric("sightline_cache_requests_total{result=\"hit\"}")).isEqualTo(hits + 1);
    }

    private String prometheus() {
        var response = new io.sightline.server.support.Api(port, null).get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series, e.g. {@code sightline_jobs_total{outcome="finished"}}. */
    private double metric(String series) {
        return prometheus().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("No series " + series + " in /actuator/prometheus"));
    }

    @Autowired
    private RedisWorkers workers;

    @Test
    void statusListsLiveWorkersQueuesAndCounts() {
        var response = api().get("/status.json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.path("mode").asString()).isEqualTo("redis");
        assertThat(status.path("workers").findValuesAsString("id")).contains(workers.workerId());
        assertThat(status.path("queues").path("adhoc").path("waiting").asLong()).isZero();
        assertThat(status.path("queues").has("scheduled")).isTrue();
        assertThat(status.path("counts").path("data_sources").asLong()).isPositive();

        assertThat(new io.sightline.server.support.Api(port, null).get("/status.json").status()).isEqualTo(401);
    }

    /** A job of its own (the SQL made unique by a comment), keyed by the plain hash of its SQL as a run's would be. */
    private QueryJob queuedJob(String sql) {
        String unique = sql + " -- " + UUID.randomUUID();
        String hash = SqlHash.of(unique);
        Job job = jobStore.createOrJoin(dataSource, hash, 1L, () -> Jobs.queued(UUID.randomUUID().toString(), dataSource, hash)).job();
        return new QueryJob(job.id(), dataSource, hash, unique, null, 1, false);
    }

    /**
     * Adds the job's entry and reads it as consumer "dead-worker" in one script, so the live worker (blocked on
     * the stream) cannot get it first; the dead worker then never acknowledges it, as if killed.
     */
    static StreamEntryID addAndTakeAsDeadWorker(Jedis jedis, String stream, QueryJob job) {
        return addAndTakeAsDeadWorker(jedis, stream, job, Map.of());
    }

    static StreamEntryID addAndTakeAsDeadWorker(Jedis jedis, String stream, QueryJob job, Map<String, String> extraFields) {
        List<String> args = new ArrayList<>();
        Map<String, String> fields = RedisJobQueue.fields(job);
        fields.putAll(extraFields);
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Object id = jedis.eval("""
                local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV))
                redis.call('XREADGROUP', 'GROUP', 'workers', 'dead-worker', 'COUNT', 1000, 'STREAMS', KEYS[1], '>')
                return id""", List.of(stream), args);
        return new StreamEntryID((String) id);
    }

    private SightlineProperties sightline() {
        return new SightlineProperties(Path.of("."), "", REDIS_URL, "", "", "", "", SightlineProperties.Role.API,
                SightlineProperties.DemoData.NEVER);
    }

}
