package io.sightline.server.alert;

import io.sightline.server.auth.Users;
import io.sightline.server.destination.Destinations;
import io.sightline.server.system.AfterCommit;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications of a transition, one per subscription, written in the transition's transaction (so a state
 * change and its notifications are stored together or not at all); each supersedes the undelivered ones of the same
 * alert and subscription. After the commit this process's delivery is woken to send them at once.
 */
@Component
class AlertOutbox {

    /** The destination type of notifications emailed through the server's own mail server. */
    static final String SERVER_MAIL = "email";

    private final SubscriptionRepository subscriptions;
    private final OutboxRepository outbox;
    private final Destinations destinations;
    private final AlertNotifications notifications;
    private final Users users;
    private final JsonMapper json;
    private final DeliveryMetrics metrics;
    private final DeliveryWakeUp wakeUp;

    AlertOutbox(SubscriptionRepository subscriptions, OutboxRepository outbox, Destinations destinations,
                AlertNotifications notifications, Users users, JsonMapper json, DeliveryMetrics metrics,
                DeliveryWakeUp wakeUp) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.destinations = destinations;
        this.notifications = notifications;
        this.users = users;
        this.json = json;
        this.metrics = metrics;
        this.wakeUp = wakeUp;
    }

    void enqueue(AlertCheck check, String state, OffsetDateTime now) {
        int written = 0;
        for (SubscriptionRow subscription : subscriptions.ofAlert(check.alert().id())) {
            // without a destination: the subscriber's own email, through the server's mail server (as Redash)
            String type = subscription.destinationId() == null
                    ? destinations.hasServerMail() ? SERVER_MAIL : null
                    : destinations.type(subscription.destinationId()).orElse(null);
            if (type == null) {
                continue;
            }
            int superseded = outbox.supersede(check.alert().id(), subscription.id());
            metrics.superseded(type, superseded);
            String recipient = users.summary(subscription.userId()).map(Users.UserSummary::email).orElse(null);
            var notification = notifications.notification(check, state, now.toString(), recipient);
            outbox.insert(check.alert().id(), subscription.id(), type, state, json.writeValueAsString(notification), now);
            written++;
        }
        if (written > 0) {
            AfterCommit.run(wakeUp::wake);
        }
    }
}
