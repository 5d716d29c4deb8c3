package io.sightline.server.execution.redis;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.pool2.PooledObject;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisFactory;

/**
 * Jedis's own connection factory, except that a connection returned to the pool no longer ago than
 * {@code pingAfterIdle} is handed out without the PING that {@link JedisFactory#validateObject} sends: it answered
 * a moment ago, and that PING was a Redis round trip before every pooled call (about eight per job). A connection
 * idle for longer, or one whose idle time cannot be trusted, is PINGed as before, so after a Redis restart it is
 * dropped instead of failing a call (decision 0059).
 */
final class PingAfterIdleFactory extends JedisFactory {

    private final Duration pingAfterIdle;

    /** As {@code new JedisPool(config, uri, connectionTimeoutMillis, soTimeoutMillis)} makes its factory. */
    PingAfterIdleFactory(URI uri, int connectionTimeoutMillis, int soTimeoutMillis, Duration pingAfterIdle) {
        super(uri, connectionTimeoutMillis, soTimeoutMillis, null);
        this.pingAfterIdle = pingAfterIdle;
    }

    @Override
    public boolean validateObject(PooledObject<Jedis> pooled) {
        return usedAMomentAgo(pooled) || super.validateObject(pooled);
    }

    /** A clock set back makes the idle time negative: then it proves nothing, and the connection is PINGed. */
    private boolean usedAMomentAgo(PooledObject<Jedis> pooled) {
        Duration idle = Duration.between(pooled.getLastReturnInstant(), Instant.now());
        Jedis jedis = pooled.getObject();
        return !idle.isNegative() && idle.compareTo(pingAfterIdle) <= 0 && jedis.isConnected() && !jedis.isBroken();
    }
}
