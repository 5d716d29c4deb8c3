package io.sightline.server.support;

import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A test's share of the machine's Redis (127.0.0.1:6379, shared with everyone): keys under a prefix of the test
 * run's own, deleted by that prefix afterwards, never FLUSHDB.
 */
public final class OwnRedisKeys {

    public static final String REDIS_URL = "redis://127.0.0.1:6379/0";

    private OwnRedisKeys() {
    }

    /** {@code start} followed by a random UUID and a colon: unique to this run. */
    public static String newPrefix(String start) {
        return start + UUID.randomUUID() + ":";
    }

    public static Jedis connect() {
        return new Jedis(URI.create(REDIS_URL));
    }

    /** The server's Redis settings: the machine's Redis, keys under {@code prefix}. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        registry.add("sightline.redis-url", () -> REDIS_URL);
        registry.add("sightline.redis.key-prefix", () -> prefix);
    }

    /** Deletes every key under {@code prefix} (a page of 500 at a time), and only those. */
    public static void delete(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("No key prefix: refusing to delete every key of the shared Redis");
        }
        try (Jedis jedis = connect()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    /**
     * Imported by a Spring test: deletes the keys under the context's {@code sightline.redis.key-prefix} when the
     * context closes, after the workers have stopped (deleted any earlier, a running worker would recreate its
     * streams).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class DeleteOnClose {
        @Bean
        DisposableBean deleteOwnRedisKeysOnClose(Environment environment) {
            String prefix = environment.getRequiredProperty("sightline.redis.key-prefix");
            return () -> delete(prefix);
        }
    }
}
