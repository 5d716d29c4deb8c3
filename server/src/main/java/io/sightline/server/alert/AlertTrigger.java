package io.sightline.server.alert;

import io.sightline.server.query.LatestResultRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates a query's alerts after every run of it (scheduled, manual or by API) in the process that ran it, when
 * the query is pointed at the new result. Never throws: the run's other listeners come after this one.
 */
@Component
class AlertTrigger {

    private static final Logger log = LoggerFactory.getLogger(AlertTrigger.class);

    private final AlertRepository alerts;
    private final AlertTransitions transitions;

    AlertTrigger(AlertRepository alerts, AlertTransitions transitions) {
        this.alerts = alerts;
        this.transitions = transitions;
    }

    @EventListener
    void on(LatestResultRecorded recorded) {
        try {
            for (AlertRow alert : alerts.ofQuery(recorded.queryId())) {
                try {
                    transitions.evaluate(alert.id(), recorded.queryResultId());
                } catch (RuntimeException e) {
                    log.error("Alert {} of query {} could not be evaluated", alert.id(), recorded.queryId(), e);
                }
            }
        } catch (RuntimeException e) {
            log.error("The alerts of query {} could not be read", recorded.queryId(), e);
        }
    }
}
