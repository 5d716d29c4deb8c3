package io.sightline.common.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code GET /api/groups/{id}/data_sources}: a data source the group may use.
 *
 * @param viewOnly true: members may only re-run saved safe queries on it, no ad-hoc SQL
 */
public record GroupDataSource(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("view_only") boolean viewOnly) {
}
