package io.sightline.server.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.system.LimitsProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Deletes complete results retrieved longer than {@code sightline.limits.result-retention} ago, in batches, and
 * counts them ({@code sightline_results_deleted_total}). Never deleted: a result some saved query shows as its
 * latest ({@code queries.latest_query_data_id}); dashboards show their queries' latest results, so this rule
 * covers them too. {@link #KEPT} is the one place to add what else must be kept (a dashboard widget pinned to a
 * result, a share token's result): the condition is part of the DELETE itself, so a result that becomes latest
 * while a pass runs is not deleted.
 */
@Service
public class ResultRetention {

    private static final Logger log = LoggerFactory.getLogger(ResultRetention.class);
    private static final int BATCH = 500;
    /** Results that must outlive the retention period, whatever their age. */
    static final String KEPT = "SELECT latest_query_data_id FROM queries WHERE latest_query_data_id IS NOT NULL";

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Counter deleted;

    ResultRetention(JdbcClient jdbc, LimitsProperties limits, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.retention = limits.resultRetention();
        this.deleted = Counter.builder("sightline.results.deleted")
                .description("Completed query results deleted by the retention pass (older than the retention period)")
                .register(meters);
    }

    /** One pass; logs one line with what it did. @return results deleted */
    public int deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.sql("SELECT id FROM query_results WHERE complete = TRUE AND retrieved_at < :cutoff"
                            + " AND id NOT IN (" + KEPT + ") ORDER BY id LIMIT " + BATCH)
                    .param("cutoff", cutoff).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            jdbc.sql("DELETE FROM query_result_pages WHERE result_id IN (:ids) AND result_id NOT IN (" + KEPT + ")")
                    .param("ids", ids).update();
            int removed = jdbc.sql("DELETE FROM query_results WHERE id IN (:ids) AND id NOT IN (" + KEPT + ")")
                    .param("ids", ids).update();
            total += removed;
            deleted.increment(removed);
            if (ids.size() < BATCH) {
                break;
            }
        }
        log.info("Result retention: deleted {} results retrieved before {} (retention {}); latest results of saved"
                + " queries are kept", total, cutoff, retention);
        return total;
    }
}
