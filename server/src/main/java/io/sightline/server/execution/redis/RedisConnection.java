package io.sightline.server.execution.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.SightlineProperties;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The pool of connections to {@code sightline.redis-url} and the key prefix every key is built with. It also
 * tells when Redis cannot be reached: one error line when an outage starts, one info line when it ends,
 * {@code sightline_redis_outages_total} and {@code sightline_redis_up} for alerting.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);
    private static final long REACHABLE = Long.MIN_VALUE;
    /**
     * A pooled connection returned no longer ago than this is borrowed without a PING first. Each pooled call used
     * to PING, about eight Redis round trips per job on a worker thread and one per job-reading API request (issue
     * 10); a connection that answered a moment ago almost surely still works. Longer idle connections are still
     * PINGed, so a Redis restart drops them; one used within this window before a restart fails one call with 503
     * instead (decision 0059).
     */
    static final Duration PING_AFTER_IDLE = Duration.ofSeconds(1);

    private final JedisPool pool;
    private final String prefix;
    private final String safeUrl;
    /** {@link System#nanoTime} when the current outage began, {@link #REACHABLE} when there is none. */
    private final AtomicLong outageSince = new AtomicLong(REACHABLE);
    private final Counter outages;

    @Autowired // the one Spring uses; the other lets a test shorten the idle window
    RedisConnection(SightlineProperties sightline, RedisQueueProperties properties, ExecutionProperties execution,
                    MeterRegistry meters) {
        this(sightline, properties, execution, meters, PING_AFTER_IDLE);
    }

    RedisConnection(SightlineProperties sightline, RedisQueueProperties properties, ExecutionProperties execution,
                    MeterRegistry meters, Duration pingAfterIdle) {
        JedisPoolConfig config = new JedisPoolConfig();
        // every worker thread holds one connection while it blocks on the stream; the rest serve the API
        config.setMaxTotal(execution.workerThreads() + properties.scheduledWorkerThreads() + 32);
        config.setMaxIdle(config.getMaxTotal());
        config.setJmxEnabled(false);
        // after a Redis restart, broken pooled connections are dropped, not used once; the factory skips the PING
        // for a connection that was returned a moment ago
        config.setTestOnBorrow(true);
        URI uri = URI.create(sightline.redisUrl().strip());
        this.pool = new JedisPool(config, new PingAfterIdleFactory(uri, 5_000, 15_000, pingAfterIdle));
        this.prefix = properties.keyPrefix();
        this.safeUrl = uri.getHost() + ":" + uri.getPort(); // never the password
        this.outages = Counter.builder("sightline.redis.outages")
                .description("Times Redis became unreachable for this process (one per outage, however long)")
                .register(meters);
        Gauge.builder("sightline.redis.up", outageSince, since -> since.get() == REACHABLE ? 1 : 0)
                .description("1 while this process reaches Redis, 0 during an outage").register(meters);
    }

    /**
     * Runs {@code action} on a pooled connection. While Redis cannot be reached it fails with 503 Service
     * Unavailable (queue and job state live there; the metadata store still answers everything else), logged
     * once per outage, not per request; the pool reconnects by itself when Redis is back.
     */
    <T> T call(Function<Jedis, T> action) {
        long started = System.nanoTime();
        T result;
        try (Jedis jedis = pool.getResource()) {
            result = action.apply(jedis);
        } catch (JedisConnectionException | JedisDataException e) {
            if (!unreachable(e)) {
                throw e;
            }
            if (outageSince.compareAndSet(REACHABLE, System.nanoTime())) {
                outages.increment();
                log.error("Redis at {} cannot be reached; runs and job status answer 503 and the result cache is"
                        + " skipped until it is back: {}", safeUrl, e.getMessage());
            }
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The job queue (Redis) cannot be reached; saved queries, dashboards and stored results still work. "
                            + "Try again once it is back");
        }
        recovered(started);
        return result;
    }

    /** Down, or restarted and still loading its data (it answers LOADING to everything until it has). */
    private static boolean unreachable(RuntimeException e) {
        return e instanceof JedisConnectionException || String.valueOf(e.getMessage()).startsWith("LOADING");
    }

    /**
     * Only a call that started after the outage began proves Redis is back: one that was answered just before
     * Redis went away must not end the outage early (and so log a second one).
     */
    private void recovered(long callStarted) {
        long since = outageSince.get();
        if (since != REACHABLE && callStarted - since > 0 && outageSince.compareAndSet(since, REACHABLE)) {
            log.info("Redis at {} is reachable again", safeUrl);
        }
    }

    String key(String suffix) {
        return prefix + suffix;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
