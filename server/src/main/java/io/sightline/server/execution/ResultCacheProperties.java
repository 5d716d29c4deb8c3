package io.sightline.server.execution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The result cache: Redis when {@code sightline.redis-url} is set, else in memory.
 *
 * @param ttl how long an entry lives after its result was stored; it bounds the cache's memory, not freshness
 *            ({@code max_age} decides that), and a result older than this is still found in the metadata store
 * @param maxEntries the in-memory cache's size limit (embedded mode); Redis is bounded by the TTL alone
 */
@ConfigurationProperties("sightline.result-cache")
@Validated
public record ResultCacheProperties(@NotNull Duration ttl, @Min(1) long maxEntries) {
}
