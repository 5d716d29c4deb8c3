package io.sightline.server.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code sightline_notifications_total{destination_type, outcome}}: delivered and failed attempts, notifications
 * given up (abandoned) and superseded; {@code sightline_notifications_pending}: notifications waiting to be delivered,
 * as the delivery loop last counted them.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("sightline.notifications.pending", pending, AtomicLong::get)
                .description("Alert notifications waiting to be delivered").register(meters);
    }

    void count(String destinationType, String outcome) {
        Counter.builder("sightline.notifications").description("Alert notification deliveries, by outcome")
                .tag("destination_type", destinationType).tag("outcome", outcome).register(meters).increment();
    }

    void superseded(String destinationType, int count) {
        for (int i = 0; i < count; i++) {
            count(destinationType, "superseded");
        }
    }

    void pending(long count) {
        pending.set(count);
    }
}
