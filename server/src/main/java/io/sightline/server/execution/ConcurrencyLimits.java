package io.sightline.server.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.system.ApiException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How many queries may run at once on a data source, across every worker: its {@code concurrency_limit}
 * option, else {@code sightline.datasource.default-concurrency-limit}; 0 for no limit. Remembered for a few
 * seconds, because a worker asks for every job it takes (and again for every job it has to put back).
 */
@Component
public class ConcurrencyLimits {

    public static final int UNLIMITED = 0;

    private final DataSources dataSources;
    private final Cache<Long, Integer> limits = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    ConcurrencyLimits(DataSources dataSources) {
        this.dataSources = dataSources;
    }

    /** The limit, or {@link #UNLIMITED}; also for a data source deleted meanwhile (its job fails as it runs). */
    public int of(long dataSourceId) {
        return limits.get(dataSourceId, id -> {
            try {
                return dataSources.info(id).concurrencyLimit();
            } catch (ApiException notFound) {
                return UNLIMITED;
            }
        });
    }
}
