package io.sightline.server.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.query.Query;
import io.sightline.server.auth.Users;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Redash's {@code serialize_alert}: the whole query and the owner ({@code full}), or only their ids (what a
 * webhook receives).
 */
record AlertJson(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("options") Map<String, Object> options,
        @JsonProperty("state") String state,
        @JsonProperty("last_triggered_at") OffsetDateTime lastTriggeredAt,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("rearm") Integer rearm,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("query") Query query,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("user") Users.UserSummary user,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("query_id") Long queryId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("user_id") Long userId) {

    static AlertJson full(AlertRow row, Map<String, Object> options, Query query, Users.UserSummary user) {
        return new AlertJson(row.id(), row.name(), options, row.state(), row.lastTriggeredAt(), row.updatedAt(),
                row.createdAt(), row.rearm(), query, user, null, null);
    }
}
