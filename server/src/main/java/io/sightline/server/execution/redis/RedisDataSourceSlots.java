package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The per-data-source concurrency limit across every worker process: a sorted set per data source
 * ({@code slots:<ds>}) of leases, job id scored by the Redis time at which the lease expires. A worker takes a
 * lease before it runs a job, renews it every heartbeat and returns it when the job ends; the lease of a
 * killed worker expires after the visibility timeout, so its slot frees itself.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisDataSourceSlots {

    /** Drops expired leases, then renews this job's lease or takes a free slot; 1 when the job holds a lease. */
    private static final String ACQUIRE = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
                redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
                redis.call('PEXPIRE', KEYS[1], ARGV[3])
                return 1
            end
            return 0""";

    private final RedisConnection redis;
    private final long leaseMillis;
    /** Leases this process holds: job id -> data source id and limit. */
    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    RedisDataSourceSlots(RedisConnection redis, RedisQueueProperties properties) {
        this.redis = redis;
        this.leaseMillis = properties.visibilityTimeout().toMillis();
    }

    /** True when the job may run now: it holds one of the data source's {@code limit} slots until released. */
    boolean tryAcquire(long dataSourceId, String jobId, int limit) {
        if (acquire(dataSourceId, jobId, limit)) {
            held.put(jobId, new Lease(dataSourceId, limit));
            return true;
        }
        return false;
    }

    /**
     * Extends the leases this process holds; a lease lost meanwhile (Redis unreachable for longer than the
     * visibility timeout) is taken again if a slot is free, else the job runs on over the limit until it ends.
     */
    void renewHeld() {
        held.forEach((jobId, lease) -> acquire(lease.dataSourceId(), jobId, lease.limit()));
    }

    void release(String jobId) {
        Lease lease = held.remove(jobId);
        if (lease != null) {
            try {
                redis.call(jedis -> jedis.zrem(key(lease.dataSourceId()), jobId));
            } catch (RuntimeException e) {
                // Redis unreachable: not renewed any more, the lease expires after the visibility timeout
            }
        }
    }

    /** Stops renewing the job's lease (handed back on shutdown): it expires unless a worker taking over renews it. */
    void forget(String jobId) {
        held.remove(jobId);
    }

    private boolean acquire(long dataSourceId, String jobId, int limit) {
        Object taken = redis.call(jedis -> jedis.eval(ACQUIRE, List.of(key(dataSourceId)),
                List.of(jobId, Integer.toString(limit), Long.toString(leaseMillis))));
        return Long.valueOf(1).equals(taken);
    }

    private String key(long dataSourceId) {
        return redis.key("slots:" + dataSourceId);
    }

    private record Lease(long dataSourceId, int limit) {
    }
}
