package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A saved state of a query ({@code GET /api/queries/{id}/versions[/{version}]}): version 1 is the query as
 * created, each update adds the next one. A Sightline addition for history, diff and restore.
 *
 * @param user who saved this version
 */
public record QueryVersion(
        @JsonProperty("version") long version,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("query") String query,
        @JsonProperty("options") Map<String, Object> options,
        @JsonProperty("user") QueryUser user,
        @JsonProperty("created_at") OffsetDateTime createdAt) {
}
