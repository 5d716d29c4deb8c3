package io.sightline.server.alert;

import io.sightline.server.destination.DeliveryFailure;
import io.sightline.server.destination.Destinations;
import io.sightline.server.destination.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox: every tick (or when woken by a transition of this process) it claims due notifications one
 * by one and sends them; a failure is retried after {@code firstRetry × 2^(attempts-1)} (at most {@code maxRetry}),
 * up to {@code maxAttempts}. Runs in processes of role all and worker; any number may run against one store.
 */
@Component
@Conditional(DeliveryRole.class)
class AlertDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    private static final int BATCH = 50;

    private final OutboxRepository outbox;
    private final Destinations destinations;
    private final AlertProperties properties;
    private final DeliveryMetrics metrics;
    private final DeliveryWakeUp wakeUp;
    private final JsonMapper json;
    private final String worker = "delivery-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running = true;
    private boolean failing;
    private Thread thread;

    AlertDelivery(OutboxRepository outbox, Destinations destinations, AlertProperties properties,
                  DeliveryMetrics metrics, DeliveryWakeUp wakeUp, JsonMapper json) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.properties = properties;
        this.metrics = metrics;
        this.wakeUp = wakeUp;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread = new Thread(this::loop, "alert-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
                metrics.pending(outbox.pending());
                if (failing) {
                    failing = false;
                    log.info("Alert notifications are delivered again");
                }
            } catch (RuntimeException e) {
                // the metadata store is away: nothing is lost, the rows wait for its return; said once, not per tick
                if (!failing) {
                    failing = true;
                    log.warn("Alert notifications cannot be delivered until the metadata store answers: {}",
                            e.getMessage());
                }
            }
            try {
                wakeUp.await(properties.deliveryTick().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Delivers what is due now; returns how many notifications this process sent or failed. */
    int deliverDue() {
        int handled = 0;
        for (long id : outbox.due(now(), BATCH)) {
            if (!running) {
                break;
            }
            OffsetDateTime now = now();
            var claimed = outbox.claim(id, worker, now, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                deliver(claimed.get());
                handled++;
            }
        }
        return handled;
    }

    private void deliver(OutboxRow row) {
        try {
            Notification notification = json.readValue(row.payload(), Notification.class);
            if (row.destinationId() == null) {
                destinations.deliverToSubscriber(notification, row.id());
            } else {
                destinations.deliver(row.destinationId(), notification, row.id());
            }
            outbox.delivered(row.id(), worker, now());
            metrics.count(row.destinationType(), "delivered");
        } catch (DeliveryFailure e) {
            boolean giveUp = row.attempts() >= properties.maxAttempts();
            OffsetDateTime retry = giveUp ? null : now().plus(properties.backoff(row.attempts()));
            outbox.failed(row.id(), worker, now(), e.getMessage(), retry);
            metrics.count(row.destinationType(), giveUp ? "abandoned" : "failed");
            if (giveUp) {
                log.warn("Gave up notification {} of alert {} after {} attempts: {}", row.id(), row.alertId(),
                        row.attempts(), e.getMessage());
            } else {
                log.info("Notification {} of alert {} failed (attempt {}), next at {}: {}", row.id(), row.alertId(),
                        row.attempts(), retry, e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static OffsetDateTime now() {
        return AlertService.now();
    }
}
