package io.sightline.common.api.snippet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.query.QueryUser;
import java.time.OffsetDateTime;

/**
 * A query snippet as {@code /api/query_snippets} shows it (Redash's {@code QuerySnippet.to_dict}): text offered by
 * the editor's completion under its {@code trigger}; {@code snippet} may hold {@code ${1:placeholder}} tab stops.
 *
 * @param user who created it (may change or delete it, as may an admin)
 */
public record QuerySnippet(
        @JsonProperty("id") long id,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("description") String description,
        @JsonProperty("snippet") String snippet,
        @JsonProperty("user") QueryUser user,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt) {
}
