package io.sightline.common.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /api/users}, as Redash pages it; {@code count} is the total. */
public record UserPage(
        @JsonProperty("count") long count,
        @JsonProperty("page") int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("results") List<User> results) {
}
