package io.sightline.server.schedule;

import io.sightline.server.result.ResultRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the result retention pass every {@code sightline.limits.retention-interval} in processes of role
 * {@code scheduler} or {@code all}: one process of a deployment is enough, and several do no harm (a result is
 * deleted once, the others find nothing).
 */
@Component
@Conditional(SchedulerRole.class)
class ResultRetentionPass {

    private static final Logger log = LoggerFactory.getLogger(ResultRetentionPass.class);

    private final ResultRetention retention;

    ResultRetentionPass(ResultRetention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${sightline.limits.retention-interval}",
            fixedDelayString = "${sightline.limits.retention-interval}")
    void run() {
        try {
            retention.deleteExpired();
        } catch (RuntimeException e) {
            // the metadata store is unreachable, most likely: the next pass tries again
            log.warn("Result retention pass failed; it runs again in the next interval", e);
        }
    }
}
