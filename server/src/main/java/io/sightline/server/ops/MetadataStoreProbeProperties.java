package io.sightline.server.ops;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often the metadata store is checked in the background, and how long one check may take before the store
 * counts as unreachable. Interval plus timeout bound how late an outage is noticed.
 */
@ConfigurationProperties("sightline.metadata-probe")
@Validated
record MetadataStoreProbeProperties(@NotNull Duration interval, @NotNull Duration timeout) {
}
