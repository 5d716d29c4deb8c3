package io.sightline.server.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.StoredResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers "is there a stored result fresh enough for this run?" from the {@link ResultCache} first and, when it
 * has no usable entry, from the metadata store (the source of truth, which also covers results older than the
 * cache's TTL and any time the cache is unavailable). Counts {@code sightline_cache_requests_total{result}}: a hit
 * is an answer from the cache, a miss any other lookup, whether the metadata store then had a result or the
 * query had to run. Every finished run is written to the cache, in whichever process ran it.
 */
@Component
class CachedResults {

    private final ResultCache cache;
    private final ResultStore results;
    private final Counter hits;
    private final Counter misses;

    CachedResults(ResultCache cache, ResultStore results, MeterRegistry meters) {
        this.cache = cache;
        this.results = results;
        this.hits = Counter.builder("sightline.cache.requests").description("Result cache lookups of run requests")
                .tag("result", "hit").register(meters);
        this.misses = Counter.builder("sightline.cache.requests").description("Result cache lookups of run requests")
                .tag("result", "miss").register(meters);
    }

    /**
     * The id of the newest stored result of this SQL on this data source, if it was retrieved within
     * {@code freshness} (null: any age).
     */
    Optional<Long> find(long dataSourceId, String queryHash, Duration freshness) {
        Optional<StoredResult> cached = cache.get(dataSourceId, queryHash)
                .filter(entry -> freshEnough(entry.retrievedAt(), freshness))
                .flatMap(entry -> stillStored(dataSourceId, queryHash, entry));
        if (cached.isPresent()) {
            hits.increment();
            return cached.map(StoredResult::id);
        }
        misses.increment();
        Optional<StoredResult> stored = results.latest(dataSourceId, queryHash, freshness);
        stored.ifPresent(result -> cache.put(dataSourceId, queryHash, entry(result)));
        return stored.map(StoredResult::id);
    }

    @EventListener
    void on(QueryRunCompleted run) {
        if (run.outcome() == JobStatus.FINISHED) {
            // the run's own result, just written by this process: no need to read its row back (else read it)
            Optional<ResultCache.Entry> entry = results.takeJustCompleted(run.queryResultId())
                    .map(retrievedAt -> new ResultCache.Entry(run.queryResultId(), retrievedAt.toInstant()))
                    .or(() -> results.find(run.queryResultId()).map(CachedResults::entry));
            entry.ifPresent(e -> cache.put(run.dataSourceId(), run.queryHash(), e));
        }
    }

    /** The metadata store decides: a result deleted there (or an entry from another database) is not served. */
    private Optional<StoredResult> stillStored(long dataSourceId, String queryHash, ResultCache.Entry entry) {
        Optional<StoredResult> result = results.find(entry.queryResultId())
                .filter(r -> r.dataSourceId() == dataSourceId && r.queryHash().equals(queryHash));
        if (result.isEmpty()) {
            cache.evict(dataSourceId, queryHash);
        }
        return result;
    }

    private static boolean freshEnough(Instant retrievedAt, Duration freshness) {
        return freshness == null || !retrievedAt.isBefore(Instant.now().minus(freshness));
    }

    private static ResultCache.Entry entry(StoredResult result) {
        return new ResultCache.Entry(result.id(), result.retrievedAt().toInstant());
    }
}
