package io.sightline.server.execution;

import java.net.URI;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import io.sightline.server.system.SightlineProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The pool of connections to {@code sightline.redis-url} and the key prefix every key is built with. */
@Component
@Conditional(RedisMode.On.class)
class RedisConnection implements DisposableBean {

    private final JedisPool pool;
    private final String prefix;

    RedisConnection(SightlineProperties sightline, RedisQueueProperties properties, ExecutionProperties execution) {
        JedisPoolConfig config = new JedisPoolConfig();
        // every worker thread holds one connection while it blocks on the stream; the rest serve the API
        config.setMaxTotal(execution.workerThreads() + properties.scheduledWorkerThreads() + 32);
        config.setMaxIdle(config.getMaxTotal());
        config.setJmxEnabled(false);
        this.pool = new JedisPool(config, URI.create(sightline.redisUrl().strip()), 5_000, 15_000);
        this.prefix = properties.keyPrefix();
    }

    <T> T call(Function<Jedis, T> action) {
        try (Jedis jedis = pool.getResource()) {
            return action.apply(jedis);
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
