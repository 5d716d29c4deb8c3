package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/queries/tags}: every tag of a query that is not archived, with how many queries carry it. */
public record QueryTags(@JsonProperty("tags") List<TagCount> tags) {

    public record TagCount(@JsonProperty("name") String name, @JsonProperty("count") long count) {
    }
}
