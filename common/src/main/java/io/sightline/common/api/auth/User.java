package io.sightline.common.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as {@code GET /api/users/{id}} returns it, with Redash's field names.
 *
 * @param groups ids of the groups the user belongs to
 * @param apiKey present only for the user themselves and for admins
 */
public record User(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("groups") List<Long> groups,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("disabled_at") OffsetDateTime disabledAt,
        @JsonProperty("is_disabled") boolean disabled,
        @JsonProperty("active_at") OffsetDateTime activeAt,
        @JsonProperty("auth_type") String authType,
        @JsonProperty("api_key") @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey) {
}
