package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who created or last changed a query: {@code {id, name, email}}. */
public record QueryUser(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email) {
}
