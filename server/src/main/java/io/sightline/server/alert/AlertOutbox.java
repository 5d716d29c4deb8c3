package io.sightline.server.alert;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** The notifications of a transition, written in its transaction; workers deliver them. */
@Component
class AlertOutbox {

    void enqueue(AlertCheck check, String state, OffsetDateTime now) {
        // subscriptions and destinations come next
    }
}
