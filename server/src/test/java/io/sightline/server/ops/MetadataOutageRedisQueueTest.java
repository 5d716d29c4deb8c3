package io.sightline.server.ops;

import io.sightline.server.support.OwnRedisKeys;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metadata outage with the Redis queue (role all on the machine's Redis, under a key prefix of this run's own):
 * Redis stays up, so only what needs the metadata store is refused.
 */
@Import(OwnRedisKeys.DeleteOnClose.class)
class MetadataOutageRedisQueueTest extends MetadataOutageTest {

    private static final String PREFIX = OwnRedisKeys.newPrefix("sightline-it-metadata-outage-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        metadataOnOwnPostgres(registry, "outage-redis");
        OwnRedisKeys.register(registry, PREFIX);
    }
}
