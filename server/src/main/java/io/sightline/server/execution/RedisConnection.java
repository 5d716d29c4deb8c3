package io.sightline.server.execution;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import io.sightline.server.system.ApiException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import io.sightline.server.system.SightlineProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The pool of connections to {@code sightline.redis-url} and the key prefix every key is built with. */
@Component
@Conditional(RedisMode.On.class)
class RedisConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

    private final JedisPool pool;
    private final String prefix;
    private final String safeUrl;
    private final AtomicBoolean outage = new AtomicBoolean();

    RedisConnection(SightlineProperties sightline, RedisQueueProperties properties, ExecutionProperties execution) {
        JedisPoolConfig config = new JedisPoolConfig();
        // every worker thread holds one connection while it blocks on the stream; the rest serve the API
        config.setMaxTotal(execution.workerThreads() + properties.scheduledWorkerThreads() + 32);
        config.setMaxIdle(config.getMaxTotal());
        config.setJmxEnabled(false);
        config.setTestOnBorrow(true); // after a Redis restart, broken pooled connections are dropped, not used once
        this.pool = new JedisPool(config, URI.create(sightline.redisUrl().strip()), 5_000, 15_000);
        this.prefix = properties.keyPrefix();
        URI uri = URI.create(sightline.redisUrl().strip());
        this.safeUrl = uri.getHost() + ":" + uri.getPort(); // never the password
    }

    /**
     * Runs {@code action} on a pooled connection. While Redis cannot be reached it fails with 503 Service
     * Unavailable (queue and job state live there; the metadata store still answers everything else), logged
     * once per outage, not per request; the pool reconnects by itself when Redis is back.
     */
    <T> T call(Function<Jedis, T> action) {
        T result;
        try (Jedis jedis = pool.getResource()) {
            result = action.apply(jedis);
        } catch (JedisConnectionException e) {
            if (outage.compareAndSet(false, true)) {
                log.error("Redis at {} cannot be reached; runs and job status answer 503 until it is back: {}",
                        safeUrl, e.getMessage());
            }
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The job queue (Redis) cannot be reached; saved queries, dashboards and stored results still work. "
                            + "Try again once it is back");
        }
        if (outage.compareAndSet(true, false)) {
            log.info("Redis at {} is reachable again", safeUrl);
        }
        return result;
    }

    String key(String suffix) {
        return prefix + suffix;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
