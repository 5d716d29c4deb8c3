package io.sightline.server.execution;

import io.sightline.server.result.SqlHash;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the newest stored result of an SQL text on a data source is: data source id + {@link SqlHash} to
 * query_result_id + retrieved_at. Only an index: the result itself stays in the metadata store, which remains
 * the source of truth, so an entry is checked there before it is used. Failing caches answer "not cached"
 * and drop writes; they never fail a run.
 */
public interface ResultCache {

    Optional<Entry> get(long dataSourceId, String queryHash);

    void put(long dataSourceId, String queryHash, Entry entry);

    void evict(long dataSourceId, String queryHash);

    /** Of two entries for one key, the one whose result was stored last. */
    static Entry newer(Entry a, Entry b) {
        return b.retrievedAt().isAfter(a.retrievedAt()) ? b : a;
    }

    record Entry(long queryResultId, Instant retrievedAt) {
    }
}
