package io.sightline.server.destination;

import java.time.OffsetDateTime;

/** A row of {@code notification_destinations}; {@code options} is JSON with the type's secrets encrypted. */
record DestinationRow(long id, String name, String type, String options, long userId, OffsetDateTime createdAt) {

    static final String COLUMNS = "id, name, type, options, user_id, created_at";
}
