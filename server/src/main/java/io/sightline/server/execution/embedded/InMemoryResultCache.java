package io.sightline.server.execution.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.execution.RedisMode;
import io.sightline.server.execution.ResultCache;
import io.sightline.server.execution.ResultCacheProperties;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** The embedded mode's result cache: in this JVM, like its queue and workers. */
@Component
@Conditional(RedisMode.Off.class)
class InMemoryResultCache implements ResultCache {

    private final Cache<Key, Entry> entries;

    InMemoryResultCache(ResultCacheProperties properties) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.ttl())
                .build();
    }

    @Override
    public Optional<Entry> get(long dataSourceId, String queryHash) {
        return Optional.ofNullable(entries.getIfPresent(new Key(dataSourceId, queryHash)));
    }

    @Override
    public void put(long dataSourceId, String queryHash, Entry entry) {
        entries.asMap().merge(new Key(dataSourceId, queryHash), entry, ResultCache::newer);
    }

    @Override
    public void evict(long dataSourceId, String queryHash) {
        entries.invalidate(new Key(dataSourceId, queryHash));
    }

    private record Key(long dataSourceId, String queryHash) {
    }
}
