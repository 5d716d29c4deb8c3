package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /api/queries} or {@code GET /api/queries/search}; {@code count} is the total. */
public record QueryPage(
        @JsonProperty("count") long count,
        @JsonProperty("page") int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("results") List<Query> results) {
}
