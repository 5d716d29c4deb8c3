package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who created or last changed a query or dashboard: {@code {id, name, email, profile_image_url}}, never a key.
 */
public record QueryUser(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("profile_image_url") String profileImageUrl) {

    /** With the picture the server draws for the user ({@link io.sightline.common.api.auth.Avatar}). */
    public QueryUser(long id, String name, String email) {
        this(id, name, email, io.sightline.common.api.auth.Avatar.url(id, name));
    }
}
