package io.sightline.server.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the metadata store as the background probe last saw it: answered at once, so readiness flips within
 * the probe's interval and timeout, and a readiness request never waits on the pool during an outage.
 */
@Component("metadataStore")
class MetadataStoreHealth implements HealthIndicator {

    private final MetadataStoreProbe probe;

    MetadataStoreHealth(MetadataStoreProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        return probe.up() ? Health.up().build() : Health.down().withDetail("error", probe.lastFailure()).build();
    }
}
