package io.sightline.server.query;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When a query's latest result was retrieved and how long it ran: Redash's {@code retrieved_at} and {@code runtime}
 * of a query. Read from the results table by id, so the query feature need not depend on the result feature (which
 * depends on it). Callers show them only with the query itself, i.e. to users who reach its data source.
 */
@Repository
class LatestResultStats {

    /** @param runtime seconds */
    record Stats(OffsetDateTime retrievedAt, double runtime) {
    }

    private final JdbcClient jdbc;

    LatestResultStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The complete results among {@code resultIds}, by id; null ids and ids of no complete result are left out. */
    Map<Long, Stats> of(Collection<Long> resultIds) {
        List<Long> ids = resultIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, Stats> stats = new HashMap<>();
        if (ids.isEmpty()) {
            return stats;
        }
        jdbc.sql("SELECT id, retrieved_at, runtime FROM query_results WHERE complete = TRUE AND id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                .params(ids)
                .query((rs, n) -> stats.put(rs.getLong("id"),
                        new Stats(rs.getObject("retrieved_at", OffsetDateTime.class), rs.getDouble("runtime"))))
                .list();
        return stats;
    }

    /** The data source of a complete result, or null when there is no such result. */
    Long dataSourceOf(long resultId) {
        return jdbc.sql("SELECT data_source_id FROM query_results WHERE id = ? AND complete = TRUE").param(resultId)
                .query(Long.class).optional().orElse(null);
    }
}
