package io.sightline.server.alert;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.destination.Destinations;
import io.sightline.server.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redash's {@code /api/alerts/{id}/subscriptions}: who sees the alert may subscribe through a destination, or
 * without one to be emailed through the server's mail server; a subscription is removed by its subscriber or an
 * admin.
 */
@RestController
@RequestMapping("/api/alerts/{alertId}/subscriptions")
class SubscriptionController {

    private final SubscriptionRepository subscriptions;
    private final AlertAccess access;
    private final Destinations destinations;
    private final Users users;

    SubscriptionController(SubscriptionRepository subscriptions, AlertAccess access, Destinations destinations,
                           Users users) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.destinations = destinations;
        this.users = users;
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable long alertId) {
        access.visible(alertId, CurrentUser.get());
        return subscriptions.ofAlert(alertId).stream().map(this::json).toList();
    }

    @PostMapping
    @Transactional
    Map<String, Object> subscribe(@PathVariable long alertId, @RequestBody Map<String, Object> body) {
        SightlineUser caller = CurrentUser.get();
        access.visible(alertId, caller);
        Object given = body.get("destination_id");
        if (given == null) {
            return json(subscriptions.find(subscribeByEmail(alertId, caller)).orElseThrow());
        }
        if (!(given instanceof Number n) || !(n instanceof Integer || n instanceof Long)) {
            throw ApiException.badRequest("'destination_id' must be a destination's id, or absent to be emailed"
                    + " through this server's mail server");
        }
        long destinationId = n.longValue();
        if (destinations.type(destinationId).isEmpty()) {
            throw ApiException.badRequest("'destination_id': destination " + destinationId + " does not exist");
        }
        if (subscriptions.exists(alertId, destinationId)) {
            throw ApiException.badRequest("'destination_id': the alert is already sent to destination "
                    + destinationId);
        }
        long id = subscriptions.insert(alertId, caller.id(), destinationId, AlertService.now());
        return json(subscriptions.find(id).orElseThrow());
    }

    /** Redash's subscription without a destination: the caller is emailed through the server's mail server. */
    private long subscribeByEmail(long alertId, SightlineUser caller) {
        if (!destinations.hasServerMail()) {
            throw ApiException.badRequest("'destination_id' is required: this server has no mail server of its own"
                    + " (SIGHTLINE_MAIL_HOST) to email you; subscribe through a destination");
        }
        String email = users.summary(caller.id()).map(Users.UserSummary::email).orElse(null);
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("Your account has no email address to send the alert to");
        }
        if (subscriptions.existsForUser(alertId, caller.id())) {
            throw ApiException.badRequest("You are already emailed this alert");
        }
        return subscriptions.insert(alertId, caller.id(), null, AlertService.now());
    }

    @DeleteMapping("/{subscriptionId}")
    void unsubscribe(@PathVariable long alertId, @PathVariable long subscriptionId) {
        SightlineUser caller = CurrentUser.get();
        access.visible(alertId, caller);
        SubscriptionRow subscription = subscriptions.find(subscriptionId).filter(s -> s.alertId() == alertId)
                .orElseThrow(() -> ApiException.notFound("Subscription " + subscriptionId + " does not exist"));
        if (!caller.isAdmin() && subscription.userId() != caller.id()) {
            throw ApiException.forbidden("Only the subscriber or an admin may remove subscription " + subscriptionId);
        }
        subscriptions.delete(subscriptionId);
    }

    private Map<String, Object> json(SubscriptionRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.id());
        out.put("user", users.summary(row.userId()).orElse(null));
        out.put("alert_id", row.alertId());
        if (row.destinationId() != null) {
            destinations.summary(row.destinationId()).ifPresent(d -> out.put("destination", d));
        }
        return out;
    }
}
