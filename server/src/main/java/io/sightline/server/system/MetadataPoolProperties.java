package io.sightline.server.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The metadata store's connection pool.
 *
 * @param connectionTimeout how long a request waits for a metadata connection before it is answered 503; short,
 *                          so an outage is reported in seconds rather than every request hanging (Hikari's own
 *                          default is 30 s)
 */
@ConfigurationProperties("sightline.metadata-pool")
@Validated
record MetadataPoolProperties(@NotNull Duration connectionTimeout) {
}
