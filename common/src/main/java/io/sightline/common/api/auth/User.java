package io.sightline.common.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as {@code GET /api/users/{id}} returns it, with Redash's field names.
 *
 * @param groups ids of the groups the user belongs to
 * @param apiKey present only in the answer that made the key
 * @param invitationPending created without a password and not yet through their invitation link
 * @param inviteLink the invitation's link, only in the answer that made it
 * @param profileImageUrl the picture the server draws for the user ({@link Avatar})
 * @param emailVerified always true: Sightline does not verify emails (Redash shows a "verify your email" banner
 *                      while it is false)
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
        @JsonProperty("api_key") @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey,
        @JsonProperty("is_invitation_pending") boolean invitationPending,
        @JsonProperty("invite_link") @JsonInclude(JsonInclude.Include.NON_NULL) String inviteLink,
        @JsonProperty("profile_image_url") String profileImageUrl,
        @JsonProperty("is_email_verified") Boolean emailVerified) {

    /** The same user with the invitation link an earlier answer showed. */
    public User withInviteLink(String link) {
        return new User(id, name, email, groups, createdAt, updatedAt, disabledAt, disabled, activeAt, authType, apiKey,
                invitationPending, link, profileImageUrl, emailVerified);
    }

    /** The same user with the key an earlier answer showed. */
    public User withApiKey(String key) {
        return new User(id, name, email, groups, createdAt, updatedAt, disabledAt, disabled, activeAt, authType, key,
                invitationPending, inviteLink, profileImageUrl, emailVerified);
    }
}
