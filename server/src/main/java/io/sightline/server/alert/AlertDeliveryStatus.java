package io.sightline.server.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The outbox at a glance, for {@code /status.json}. */
@Service
public class AlertDeliveryStatus {

    private final OutboxRepository outbox;

    AlertDeliveryStatus(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** Notifications by status (pending, delivered, failed, superseded) and the age of the oldest pending one. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>(outbox.countsByStatus());
        out.put("oldest_pending_age_seconds", outbox.oldestPending()
                .map(at -> Duration.between(at, OffsetDateTime.now()).toMillis() / 1000.0).orElse(null));
        return out;
    }
}
