package io.sightline.server.result;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes results whose writer died before finishing (a killed process). Readers never see them; this
 * only gives the space back. A day is longer than any query may run, so no live writer is touched.
 */
@Component
class IncompleteResultCleanup {

    private static final Logger log = LoggerFactory.getLogger(IncompleteResultCleanup.class);
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final ResultHeaders headers;

    IncompleteResultCleanup(ResultHeaders headers) {
        this.headers = headers;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void removeAbandoned() {
        int removed = headers.deleteIncompleteOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(ABANDONED_AFTER));
        if (removed > 0) {
            log.info("Removed {} half-written query results left by a stopped worker", removed);
        }
    }
}
