package io.sightline.server.alert;

import java.time.OffsetDateTime;

/** A claimed row of {@code alert_notifications}, with the destination its subscription sends to. */
record OutboxRow(long id, long alertId, long subscriptionId, Long destinationId, String destinationType,
                 String alertState, String payload, int attempts, OffsetDateTime createdAt) {
}
