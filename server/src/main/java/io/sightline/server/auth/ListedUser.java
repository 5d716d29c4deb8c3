package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** A user as {@code GET /api/users} lists them: as a single user, but the groups named ({@code [{id, name}]}). */
record ListedUser(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("groups") List<GroupRef> groups,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("disabled_at") OffsetDateTime disabledAt,
        @JsonProperty("is_disabled") boolean disabled,
        @JsonProperty("active_at") OffsetDateTime activeAt,
        @JsonProperty("auth_type") String authType,
        @JsonProperty("is_invitation_pending") boolean invitationPending,
        @JsonProperty("profile_image_url") String profileImageUrl,
        @JsonProperty("is_email_verified") boolean emailVerified) {

    record GroupRef(@JsonProperty("id") long id, @JsonProperty("name") String name) {
    }

    /** One page of them, as Redash pages them; {@code count} is the total. */
    record Page(@JsonProperty("count") long count, @JsonProperty("page") int page,
                @JsonProperty("page_size") int pageSize, @JsonProperty("results") List<ListedUser> results) {
    }
}
