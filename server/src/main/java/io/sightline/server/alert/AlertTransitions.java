package io.sightline.server.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redash's {@code check_alerts_for_query}: a new state, or a triggered alert whose {@code rearm} seconds have
 * passed, is written together with its notifications (one outbox row per subscription) in one transaction. Unknown
 * to ok and muted alerts change state but notify nobody.
 */
@Component
class AlertTransitions {

    private static final Logger log = LoggerFactory.getLogger(AlertTransitions.class);

    private final AlertRepository alerts;
    private final AlertChecks checks;
    private final AlertOutbox outbox;

    AlertTransitions(AlertRepository alerts, AlertChecks checks, AlertOutbox outbox) {
        this.alerts = alerts;
        this.checks = checks;
        this.outbox = outbox;
    }

    /**
     * Evaluates the alert (against {@code resultId}, or its query's latest result when null) and applies the outcome.
     *
     * @return the check, empty when the alert or its query is gone
     */
    @Transactional
    Optional<AlertCheck> evaluate(long alertId, Long resultId) {
        Optional<AlertRow> found = alerts.find(alertId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AlertRow alert = found.get();
        Optional<AlertCheck> check = checks.check(alert, resultId);
        check.ifPresent(this::apply);
        return check;
    }

    private void apply(AlertCheck check) {
        AlertRow alert = check.alert();
        String next = check.newState();
        OffsetDateTime now = AlertService.now();
        if (!shouldNotify(alert, next, now)) {
            return;
        }
        if (!alerts.transition(alert, next, now)) {
            log.debug("Alert {} was changed by another process meanwhile; its transition is theirs", alert.id());
            return;
        }
        log.info("Alert {} is now {} (was {})", alert.id(), next, alert.state());
        if (alert.state().equals(AlertEvaluator.UNKNOWN) && next.equals(AlertEvaluator.OK)) {
            return; // Redash: nothing worth telling
        }
        if (check.options().muted()) {
            return;
        }
        outbox.enqueue(check, next, now);
    }

    /** Redash's {@code should_notify}. */
    static boolean shouldNotify(AlertRow alert, String next, OffsetDateTime now) {
        if (!next.equals(alert.state())) {
            return true;
        }
        return alert.state().equals(AlertEvaluator.TRIGGERED) && alert.rearm() != null && alert.rearm() > 0
                && alert.lastTriggeredAt() != null
                && alert.lastTriggeredAt().plus(Duration.ofSeconds(alert.rearm())).isBefore(now);
    }
}
