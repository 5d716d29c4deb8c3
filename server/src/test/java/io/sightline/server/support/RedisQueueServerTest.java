package io.sightline.server.support;

import java.nio.file.Path;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;

/**
 * The whole server (role all) with its queue and job store on the machine's Redis (127.0.0.1:6379) under a key
 * prefix of its own ({@link #PREFIX}), so it never touches anyone else's keys; the metadata store is the
 * embedded H2. A short visibility timeout lets take-over tests run in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OwnRedisKeys.DeleteOnClose.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RedisQueueServerTest {

    public static final String REDIS_URL = OwnRedisKeys.REDIS_URL;
    public static final String PREFIX = OwnRedisKeys.newPrefix("sightline-it-");
    public static final String ADMIN_KEY = "it-redis-admin-key-0123456789";
    private static final Path DATA_DIR = EmbeddedServerTest.tempDir("sightline-redis-");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("sightline.data-dir", DATA_DIR::toString);
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.database-url", () -> "");
        OwnRedisKeys.register(registry, PREFIX);
        StallTolerance.register(registry);
        registry.add("sightline.redis.visibility-timeout", () -> "2s");
        registry.add("sightline.redis.heartbeat", () -> "300ms");
        registry.add("sightline.redis.max-deliveries", () -> "2");
        registry.add("sightline.role", () -> "all");
        // answered with the job at once, so tests can fill the queue quickly (awaitEnd is tested directly)
        registry.add("sightline.execution.answer-within", () -> "0s");
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    }

    protected Api api() {
        return new Api(port, ADMIN_KEY);
    }

    protected static Jedis redis() {
        return OwnRedisKeys.connect();
    }
}
