package io.sightline.server.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For the servers that many test classes share. In production the metadata store counts as down when its check
 * does not answer within 1 s, and a request waits at most 1 s for a metadata connection, so that an outage is
 * answered 503 within 2 s. On a 2-core CI machine a JVM stalled for a second by the rest of the build reads the
 * same way, and every quick test that runs in the next second gets that 503. The shared servers wait longer; the
 * outage behaviour itself is tested by servers of its own with the production timeouts.
 */
public final class StallTolerance {

    private StallTolerance() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("sightline.metadata-probe.timeout", () -> "10s");
        registry.add("sightline.metadata-pool.connection-timeout", () -> "10s");
    }
}
