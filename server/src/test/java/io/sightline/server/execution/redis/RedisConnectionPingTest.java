package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.support.OwnRedisServer;
import io.sightline.server.system.SightlineProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Which pooled calls cost a PING before their command, as a redis-server of this test's own on a spare port counts
 * them ({@code INFO commandstats}; the machine's shared Redis is pinged by everyone). The idle window is shortened
 * so the test waits a fraction of a second, not {@link RedisConnection#PING_AFTER_IDLE}.
 */
class RedisConnectionPingTest {

    private static final Duration WINDOW = Duration.ofMillis(300);
    /** Without an append-only file: a restart starts it empty. */
    private static final OwnRedisServer REDIS = new OwnRedisServer("redis-ping", false);
    private static final Pattern PING_CALLS = Pattern.compile("cmdstat_ping:calls=(\\d+)");

    private RedisConnection connection;

    @BeforeAll
    static void startOwnRedis() {
        REDIS.start();
    }

    @AfterAll
    static void stopOwnRedis() throws InterruptedException {
        REDIS.stop();
    }

    @BeforeEach
    void connection() {
        SightlineProperties sightline = new SightlineProperties(Path.of("."), "", REDIS.url().toString(), "", "", "", "",
                SightlineProperties.Role.API, SightlineProperties.DemoData.NEVER);
        RedisQueueProperties queue = new RedisQueueProperties("sightline-ping-test:", Duration.ofSeconds(30),
                Duration.ofSeconds(2), 3, Duration.ofMinutes(1), 1, Duration.ofSeconds(1));
        ExecutionProperties execution = new ExecutionProperties(1, 1000, Duration.ofMinutes(1), Duration.ZERO);
        connection = new RedisConnection(sightline, queue, execution, new SimpleMeterRegistry(), WINDOW);
    }

    @AfterEach
    void closePool() {
        connection.destroy();
    }

    @Test
    void connectionUsedAMomentAgoIsNotPingedOneIdleLongerThanTheWindowIs() throws InterruptedException {
        connection.call(jedis -> jedis.set(connection.key("k"), "v"));

        long before = pings();
        for (int call = 0; call < 20; call++) {
            assertThat(storedValue()).isEqualTo("v");
        }
        // one PING is tolerated: the machine may stall longer than the window between two calls
        assertThat(pings() - before).as("PINGs before 20 back-to-back calls").isLessThanOrEqualTo(1);

        Thread.sleep(WINDOW.multipliedBy(3).toMillis());
        long beforeIdle = pings();
        assertThat(storedValue()).isEqualTo("v");
        assertThat(pings() - beforeIdle).as("PINGs before a call on a connection idle beyond the window").isEqualTo(1);
    }

    @Test
    void connectionIdleAcrossARedisRestartIsReplacedNotUsed() throws InterruptedException {
        connection.call(jedis -> jedis.set(connection.key("k"), "v"));

        REDIS.stop();
        REDIS.start();
        Thread.sleep(WINDOW.multipliedBy(3).toMillis());

        String answer = connection.call(jedis -> jedis.echo("answered"));
        assertThat(answer).as("no 503 for the connection made before").isEqualTo("answered");
    }

    private String storedValue() {
        return connection.call(jedis -> jedis.get(connection.key("k")));
    }

    /** PINGs the server has answered so far; reading them sends none. */
    private static long pings() {
        try (Jedis jedis = new Jedis(REDIS.url())) {
            Matcher calls = PING_CALLS.matcher(jedis.info("commandstats"));
            return calls.find() ? Long.parseLong(calls.group(1)) : 0;
        }
    }
}
