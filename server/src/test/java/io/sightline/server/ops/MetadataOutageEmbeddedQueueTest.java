package io.sightline.server.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The metadata outage with the in-process queue: one process, PostgreSQL for metadata, no Redis. */
class MetadataOutageEmbeddedQueueTest extends MetadataOutageTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        metadataOnOwnPostgres(registry, "outage-embedded");
        registry.add("sightline.redis-url", () -> "");
    }
}
