package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sightline.common.api.auth.User;
import java.util.List;

/** A user as {@code GET /api/users} lists them: as a single user, but the groups named ({@code [{id, name}]}). */
record ListedUser(
        @JsonUnwrapped @JsonIgnoreProperties("groups") User user,
        @JsonProperty("groups") List<GroupRef> groups) {

    record GroupRef(@JsonProperty("id") long id, @JsonProperty("name") String name) {
    }

    /** One page of them, as Redash pages them; {@code count} is the total. */
    record Page(@JsonProperty("count") long count, @JsonProperty("page") int page,
                @JsonProperty("page_size") int pageSize, @JsonProperty("results") List<ListedUser> results) {
    }
}
