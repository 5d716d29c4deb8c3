package io.sightline.common.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.visualization.Visualization;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A saved query as {@code GET /api/queries/{id}} returns it, with Redash's field names.
 *
 * @param query the SQL text
 * @param queryHash Redash's hash of the text: hex MD5 of the text without {@code /* *}{@code /} comments and whitespace
 * @param schedule Redash's schedule object ({@code interval, time, day_of_week, until}), or null
 * @param options query options; {@code parameters} holds the parameter declarations
 * @param version the optimistic lock: send it back with an update to be told (409) when someone else saved first
 * @param safe true when no parameter has type {@code text}
 * @param visualizations the query's visualizations, oldest first (every query has a {@code TABLE} one from its
 *        creation), in lists as in the single query
 * @param scheduleFailures scheduled refreshes that failed in a row (0 after a success); the schedule stays on,
 *        only backs off
 * @param scheduleLastError the error of the last failed scheduled refresh, null after a success
 * @param favorite Sightline and Redash: whether the caller has starred the query
 * @param canEdit whether the caller may change it: with {@code edit_query}, its owner, an admin or a user granted
 *        {@code modify} on it ({@code /api/queries/{id}/acl})
 * @param lastModifiedById Redash's list field: the id of {@code lastModifiedBy} (the owner before any update)
 * @param retrievedAt when the latest result ({@code latestQueryDataId}) was retrieved; null without one
 * @param runtime how long the latest result took, in seconds; null without one
 */
public record Query(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("query") String query,
        @JsonProperty("query_hash") String queryHash,
        @JsonProperty("schedule") Map<String, Object> schedule,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("is_archived") boolean archived,
        @JsonProperty("is_draft") boolean draft,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("data_source_id") long dataSourceId,
        @JsonProperty("options") Map<String, Object> options,
        @JsonProperty("version") long version,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("is_safe") boolean safe,
        @JsonProperty("latest_query_data_id") Long latestQueryDataId,
        @JsonProperty("user") QueryUser user,
        @JsonProperty("last_modified_by") QueryUser lastModifiedBy,
        @JsonProperty("visualizations") List<Visualization> visualizations,
        @JsonProperty("schedule_failures") int scheduleFailures,
        @JsonProperty("schedule_last_error") String scheduleLastError,
        @JsonProperty("is_favorite") boolean favorite,
        @JsonProperty("can_edit") boolean canEdit,
        @JsonProperty("last_modified_by_id") Long lastModifiedById,
        @JsonProperty("retrieved_at") OffsetDateTime retrievedAt,
        @JsonProperty("runtime") Double runtime) {
}
