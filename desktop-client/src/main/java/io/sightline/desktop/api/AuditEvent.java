package io.sightline.desktop.api;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * One event of the server's audit log as {@code GET /api/events} lists it. {@code userId} is {@code null} for what
 * no one signed in did (a scheduled refresh); {@code properties} is the event's {@code additional_properties}
 * (the client address {@code ip}, {@code user_agent}, the action's own fields) and {@code json} the whole event,
 * pretty-printed.
 */
public record AuditEvent(long id, Long userId, String userName, String action, String objectType, String objectId,
                         OffsetDateTime createdAt, JsonNode properties, String json) {

    /** The client address the server recorded, or empty. */
    public String clientAddress() {
        return text("ip");
    }

    /** A field of {@code additional_properties} as text, or empty when it is absent or null. */
    public String text(String field) {
        JsonNode value = properties.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
    }
}
