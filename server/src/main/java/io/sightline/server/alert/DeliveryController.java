package io.sightline.server.alert;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.destination.Destinations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts/{id}/deliveries}: the alert's latest notifications and every attempt to deliver them. */
@RestController
class DeliveryController {

    static final int LIMIT = 100;

    private final AlertAccess access;
    private final OutboxRepository outbox;
    private final Destinations destinations;

    DeliveryController(AlertAccess access, OutboxRepository outbox, Destinations destinations) {
        this.access = access;
        this.outbox = outbox;
        this.destinations = destinations;
    }

    @GetMapping("/api/alerts/{id}/deliveries")
    List<Map<String, Object>> deliveries(@PathVariable long id) {
        access.visible(id, CurrentUser.get());
        var rows = outbox.ofAlert(id, LIMIT);
        var attempts = outbox.attempts(rows.stream().map(OutboxRepository.DeliveryRow::id).toList()).stream()
                .collect(Collectors.groupingBy(OutboxRepository.AttemptRow::notificationId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (var row : rows) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", row.id());
            d.put("subscription_id", row.subscriptionId());
            d.put("destination", row.destinationId() == null ? null
                    : destinations.summary(row.destinationId()).orElse(null));
            d.put("destination_type", row.destinationType());
            d.put("alert_state", row.alertState());
            d.put("status", row.status());
            d.put("attempts", row.attempts());
            d.put("created_at", row.createdAt());
            d.put("next_attempt_at", row.status().equals("pending") ? row.nextAttemptAt() : null);
            d.put("delivered_at", row.deliveredAt());
            d.put("last_error", row.lastError());
            d.put("attempt_log", attempts.getOrDefault(row.id(), List.of()).stream().map(a -> {
                Map<String, Object> attempt = new LinkedHashMap<>();
                attempt.put("attempted_at", a.attemptedAt());
                attempt.put("outcome", a.outcome());
                attempt.put("error", a.error());
                return attempt;
            }).toList());
            out.add(d);
        }
        return out;
    }
}
