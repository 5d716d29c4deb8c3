package io.sightline.server.execution.redis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.support.OwnRedisKeys;
import io.sightline.server.system.SightlineProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For tests of the Redis stores as several API or worker processes use them at once: each "process" is a connection
 * pool of its own ({@link #connection}) on the machine's Redis, under a key prefix of the test's own that is deleted
 * after each test.
 */
abstract class SeparateProcessStores {

    static final ExecutionProperties EXECUTION = new ExecutionProperties(1, 1000, Duration.ofMinutes(5), Duration.ZERO);

    final String prefix;
    final SightlineProperties sightline;
    final RedisQueueProperties queue;
    RedisJobEndSignals signals;
    private final List<RedisConnection> connections = new ArrayList<>();

    SeparateProcessStores(String prefixName) {
        prefix = OwnRedisKeys.newPrefix(prefixName);
        sightline = new SightlineProperties(Path.of("."), "", OwnRedisKeys.REDIS_URL, "", "", "", "",
                SightlineProperties.Role.ALL, SightlineProperties.DemoData.NEVER);
        queue = new RedisQueueProperties(prefix, Duration.ofSeconds(30), Duration.ofSeconds(2), 3, Duration.ofMinutes(1),
                1, Duration.ofSeconds(1));
    }

    @BeforeEach
    void signals() {
        signals = new RedisJobEndSignals(sightline, queue);
    }

    @AfterEach
    void closeStores() throws InterruptedException {
        connections.forEach(RedisConnection::destroy);
        signals.destroy();
        OwnRedisKeys.delete(prefix);
    }

    /** A connection pool of its own, as another process has. */
    RedisConnection connection() {
        RedisConnection connection = new RedisConnection(sightline, queue, EXECUTION, new SimpleMeterRegistry());
        connections.add(connection);
        return connection;
    }

    /** A job store on a connection pool of its own. */
    RedisJobStore jobStore(RedisConnection connection) {
        return new RedisJobStore(connection, signals, EXECUTION, queue);
    }
}
