package io.sightline.server.audit;

import io.sightline.server.schedule.SchedulerRole;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit events older than {@code sightline.audit.retention} (365 days unless set), every
 * {@code sightline.audit.retention-interval} (a day), in scheduler processes, as result retention does. The only
 * DELETE of {@code audit_events} the server has; nothing updates a row.
 */
@Component
@Conditional(SchedulerRole.class)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final Duration retention;

    AuditRetention(JdbcClient jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
    }

    @Scheduled(initialDelayString = "${sightline.audit.retention-interval}",
            fixedDelayString = "${sightline.audit.retention-interval}")
    void run() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Audit retention pass failed; it runs again in the next interval", e);
        }
    }

    /** @return events deleted */
    int deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        int total = 0;
        while (true) {
            // in batches by id, so one pass never holds a long lock on a large table
            Long upTo = jdbc.sql("SELECT MAX(id) FROM (SELECT id FROM audit_events WHERE created_at < :cutoff"
                    + " ORDER BY id LIMIT " + BATCH + ") oldest").param("cutoff", cutoff).query(Long.class)
                    .optional().orElse(null);
            if (upTo == null) {
                break;
            }
            int removed = jdbc.sql("DELETE FROM audit_events WHERE id <= :upTo AND created_at < :cutoff")
                    .param("upTo", upTo).param("cutoff", cutoff).update();
            total += removed;
            if (removed < BATCH) {
                break;
            }
        }
        log.info("Audit retention: deleted {} events created before {} (retention {})", total, cutoff, retention);
        return total;
    }
}
