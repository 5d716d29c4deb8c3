package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.server.execution.ExecutionProperties;
import io.sightline.server.system.SightlineProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
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
    private static final int REDIS_PORT = freePort();
    private static final URI REDIS_URL = URI.create("redis://127.0.0.1:" + REDIS_PORT);
    private static final Path REDIS_DIR = tempDir();
    private static final Pattern PING_CALLS = Pattern.compile("cmdstat_ping:calls=(\\d+)");
    private static Process redis;

    private RedisConnection connection;

    @BeforeAll
    static void startOwnRedis() {
        startRedis();
    }

    @AfterAll
    static void stopOwnRedis() throws InterruptedException {
        stopRedis();
    }

    @BeforeEach
    void connection() {
        SightlineProperties sightline = new SightlineProperties(Path.of("."), "", REDIS_URL.toString(), "", "", "", "",
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

        stopRedis();
        startRedis();
        Thread.sleep(WINDOW.multipliedBy(3).toMillis());

        String answer = connection.call(jedis -> jedis.echo("answered"));
        assertThat(answer).as("no 503 for the connection made before").isEqualTo("answered");
    }

    private String storedValue() {
        return connection.call(jedis -> jedis.get(connection.key("k")));
    }

    /** PINGs the server has answered so far; reading them sends none. */
    private static long pings() {
        try (Jedis jedis = new Jedis(REDIS_URL)) {
            Matcher calls = PING_CALLS.matcher(jedis.info("commandstats"));
            return calls.find() ? Long.parseLong(calls.group(1)) : 0;
        }
    }

    private static void startRedis() {
        try {
            redis = new ProcessBuilder("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", REDIS_DIR.toString())
                    .redirectErrorStream(true).redirectOutput(REDIS_DIR.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("This test needs redis-server on the PATH: " + e.getMessage(), e);
        }
        // awaited with INFO, not PING, so the count starts at zero
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Jedis jedis = new Jedis(REDIS_URL)) {
                return !jedis.info("server").isEmpty();
            }
        });
    }

    private static void stopRedis() throws InterruptedException {
        try (Jedis jedis = new Jedis(REDIS_URL)) {
            jedis.shutdown();
        } catch (RuntimeException e) {
            // the connection drops as the server exits
        }
        redis.waitFor();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sightline-redis-ping-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
