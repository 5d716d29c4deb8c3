package io.sightline.server.alert;

import java.time.OffsetDateTime;

record SubscriptionRow(long id, long alertId, long userId, Long destinationId, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, alert_id, user_id, destination_id, created_at, updated_at";
}
