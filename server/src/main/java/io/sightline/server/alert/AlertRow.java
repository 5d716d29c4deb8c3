package io.sightline.server.alert;

import java.time.OffsetDateTime;

/** A row of {@code alerts}; {@code options} is the JSON text of the options object. */
record AlertRow(long id, String name, long queryId, long userId, String options, String state,
                OffsetDateTime lastTriggeredAt, Integer rearm, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, name, query_id, user_id, options, state, last_triggered_at, rearm, created_at,"
            + " updated_at";
}
