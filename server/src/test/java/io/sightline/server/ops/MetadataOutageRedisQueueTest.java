package io.sightline.server.ops;

import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The metadata outage with the Redis queue (role all on the machine's Redis, under a key prefix of this run's own):
 * Redis stays up, so only what needs the metadata store is refused.
 */
@Import(MetadataOutageRedisQueueTest.OwnKeys.class)
class MetadataOutageRedisQueueTest extends MetadataOutageTest {

    private static final String REDIS_URL = "redis://127.0.0.1:6379/0";
    private static final String PREFIX = "sightline-it-metadata-outage-" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        metadataOnOwnPostgres(registry, "outage-redis");
        registry.add("sightline.redis-url", () -> REDIS_URL);
        registry.add("sightline.redis.key-prefix", () -> PREFIX);
    }

    /** When the context closes, after its workers stopped: only this run's keys, never the shared Redis' others. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnKeys {
        @Bean
        DisposableBean deleteOwnRedisKeysOnClose() {
            return MetadataOutageRedisQueueTest::deleteOwnKeys;
        }
    }

    static void deleteOwnKeys() {
        try (Jedis jedis = new Jedis(URI.create(REDIS_URL))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, new ScanParams().match(PREFIX + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}
