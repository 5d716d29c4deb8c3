package io.sightline.server.execution.redis;

import io.sightline.common.api.execution.Job;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.JobStore;
import io.sightline.server.execution.QueryJob;
import io.sightline.server.execution.RedisMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job state in Redis, shared by every API and worker process: one hash per job ({@code job:<id>}: the job as
 * JSON, the user who started it, the worker running it, a cancel request), expiring {@code jobRetention} after its last change, and one
 * in-flight lock per data source and query hash ({@code inflight:<ds>:<hash>} = job id), deleted when the job
 * ends. The lock lives as long as the job: while the job waits in a stream as long as the job itself may
 * ({@code jobRetention}); once a worker took it, a short time ({@code lockTtl}, at least twice the visibility
 * timeout) renewed by that worker's heartbeat, so it cannot outlive a dead worker for longer than it takes
 * another worker to take the job over.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisJobStore implements JobStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DELETE_IF_EQUAL =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private static final String EXPIRE_IF_EQUAL =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    /** Renews, never shortens: the lock of a job still waiting in a stream keeps its longer life. */
    private static final String EXTEND_IF_EQUAL = """
            if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
                return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""";
    /**
     * An optimistic compare-and-set of a job: writes the changed job only if the stored one is still exactly the JSON
     * that was read (else answers 0 and the caller reads it again), renews the job's life and, when the change ends
     * the job, deletes its in-flight lock if that still names this job and signals the end, all in one round trip.
     * The WATCH/MULTI/EXEC transaction it replaces cost five round trips per update and two more for the end
     * (issue 10). KEYS: the job hash, the in-flight lock; ARGV: the job as read, the job as changed, the job's
     * retention in ms, "1" when the change ends the job, the job id, the end-signal channel.
     */
    private static final String UPDATE_IF_UNCHANGED = """
            if redis.call('HGET', KEYS[1], 'job') ~= ARGV[1] then
                return 0
            end
            redis.call('HSET', KEYS[1], 'job', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if ARGV[4] == '1' then
                if redis.call('GET', KEYS[2]) == ARGV[5] then
                    redis.call('DEL', KEYS[2])
                end
                redis.call('PUBLISH', ARGV[6], ARGV[5])
            end
            return 1""";

    private final RedisConnection redis;
    private final RedisJobEndSignals signals;
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private final long retentionMillis;
    private final long lockMillis;

    RedisJobStore(RedisConnection redis, RedisJobEndSignals signals, ExecutionProperties execution,
                  RedisQueueProperties properties) {
        this.redis = redis;
        this.signals = signals;
        this.retentionMillis = execution.jobRetention().toMillis();
        // a worker taking over a dead worker's job renews the lock before it expires
        this.lockMillis = Math.max(properties.lockTtl().toMillis(), 2 * properties.visibilityTimeout().toMillis());
    }

    @Override
    public Joined createOrJoin(long dataSourceId, String queryHash, long userId, Supplier<Job> create) {
        String lock = lockKey(dataSourceId, queryHash);
        return redis.call(jedis -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                String running = jedis.get(lock);
                if (running != null) {
                    Optional<Job> job = read(jedis, running);
                    if (job.isPresent() && !job.get().status().ended()) {
                        return new Joined(job.get(), false);
                    }
                    jedis.eval(DELETE_IF_EQUAL, List.of(lock), List.of(running)); // a stale lock
                    continue;
                }
                Job job = create.get();
                // the job exists before its lock does, so whoever sees the lock also finds the job
                write(jedis, job, userId);
                if ("OK".equals(jedis.set(lock, job.id(), SetParams.setParams().nx().px(lockMillis)))) {
                    return new Joined(job, true);
                }
                jedis.del(jobKey(job.id())); // another process locked first: join its job on the next round
            }
            throw new IllegalStateException("Could not create or join a job for data source " + dataSourceId
                    + " and query hash " + queryHash + ": the in-flight lock kept changing");
        });
    }

    @Override
    public Optional<Job> find(String id) {
        return redis.call(jedis -> read(jedis, id));
    }

    @Override
    public Optional<Owned> findOwned(String id) {
        return redis.call(jedis -> {
            List<String> fields = jedis.hmget(jobKey(id), "job", "user");
            return fields.get(0) == null ? Optional.<Owned>empty()
                    : Optional.of(new Owned(JSON.readValue(fields.get(0), Job.class),
                            fields.get(1) == null ? null : Long.valueOf(fields.get(1))));
        });
    }

    /**
     * Waits for the signal that the job ended, which any process publishes ({@link RedisJobEndSignals}), and looks
     * at the job again at least every {@link RedisJobEndSignals#FALLBACK_POLL} in case a signal was lost.
     */
    @Override
    public Job awaitEnd(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CountDownLatch ended = signals.expect(id);
            try {
                Job job = find(id).orElse(null);
                long left = deadline - System.nanoTime();
                if (job == null || job.status().ended() || left <= 0) {
                    return job;
                }
                RedisJobEndSignals.await(ended, Duration.ofNanos(Math.min(left, RedisJobEndSignals.FALLBACK_POLL.toNanos())));
                if (Thread.currentThread().isInterrupted()) {
                    return find(id).orElse(job);
                }
            } finally {
                signals.done(id, ended);
            }
        }
    }

    @Override
    public Job update(String id, UnaryOperator<Job> change) {
        String key = jobKey(id);
        if (abandoned.contains(id)) {
            // this process handed the job back on shutdown: whatever its dying statement reports is not the outcome
            return find(id).orElseThrow(() -> new IllegalStateException("Job " + id + " is not known (or has expired)"));
        }
        return redis.call(jedis -> {
            while (true) {
                String read = jedis.hget(key, "job");
                if (read == null) {
                    throw new IllegalStateException("Job " + id + " is not known (or has expired)");
                }
                Job current = JSON.readValue(read, Job.class);
                if (current.status().ended()) {
                    return current;
                }
                Job changed = change.apply(current);
                Object written = jedis.eval(UPDATE_IF_UNCHANGED,
                        List.of(key, lockKey(changed.dataSourceId(), changed.queryHash())),
                        List.of(read, JSON.writeValueAsString(changed), Long.toString(retentionMillis),
                                changed.status().ended() ? "1" : "0", id, signals.channel()));
                if (Long.valueOf(1).equals(written)) {
                    return changed;
                }
                // changed by another process meanwhile: apply the change to the new state
            }
        });
    }

    @Override
    public boolean requestCancel(String id) {
        redis.call(jedis -> jedis.hset(jobKey(id), "cancel", "1")); // the running worker sees it within a heartbeat
        return true;
    }

    /** From now on this process leaves the job alone: another worker takes it over. */
    void abandon(String id) {
        abandoned.add(id);
    }

    /**
     * Records which worker runs the job; from now on its in-flight lock lives only as long as that worker keeps
     * renewing it.
     */
    void assign(QueryJob job, String workerId) {
        redis.call(jedis -> {
            jedis.hset(jobKey(job.jobId()), "worker", workerId);
            return jedis.eval(EXPIRE_IF_EQUAL, List.of(lockKey(job.dataSourceId(), job.queryHash())),
                    List.of(job.jobId(), Long.toString(lockMillis)));
        });
    }

    /** A live worker's renewal: the job and its in-flight lock stay; true when a cancel was asked for. */
    boolean keepAlive(QueryJob job) {
        return redis.call(jedis -> {
            jedis.pexpire(jobKey(job.jobId()), retentionMillis);
            jedis.eval(EXTEND_IF_EQUAL, List.of(lockKey(job.dataSourceId(), job.queryHash())),
                    List.of(job.jobId(), Long.toString(lockMillis)));
            return "1".equals(jedis.hget(jobKey(job.jobId()), "cancel"));
        });
    }

    Map<String, String> fields(String id) {
        return redis.call(jedis -> jedis.hgetAll(jobKey(id)));
    }

    /** One round trip for both commands: the API writes a job for every run. */
    private void write(Jedis jedis, Job job, long userId) {
        String key = jobKey(job.id());
        try (Pipeline pipeline = jedis.pipelined()) {
            pipeline.hset(key, Map.of("job", JSON.writeValueAsString(job), "user", Long.toString(userId)));
            pipeline.pexpire(key, retentionMillis);
            pipeline.sync();
        }
    }

    private Optional<Job> read(Jedis jedis, String id) {
        String json = jedis.hget(jobKey(id), "job");
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, Job.class));
    }

    private String jobKey(String id) {
        return redis.key("job:" + id);
    }

    /** How long the in-flight lock of a job waiting in a stream lives: as long as the job may wait there. */
    long queuedLockMillis() {
        return retentionMillis;
    }

    String lockKey(long dataSourceId, String queryHash) {
        return redis.key("inflight:" + dataSourceId + ":" + queryHash);
    }
}
