package io.sightline.common.api.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.query.QueryUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A dashboard as {@code GET /api/dashboards/{id}} returns it, with Redash's field names.
 *
 * @param slug the name in URL form; {@code GET /api/dashboards/{slug}} finds the dashboard too
 * @param user the owner ({@code {id, name, email}})
 * @param layout Redash's legacy layout array; widgets carry their own position
 * @param widgets the widgets (Redash's {@code serialize_widget} maps; a restricted one has {@code restricted: true}
 *        and no visualization); null in lists, as in Redash
 * @param version bumped by every change
 * @param canEdit whether the caller may change it (owner, admin or granted {@code modify}, with {@code edit_dashboard})
 * @param favorite whether the caller has starred it
 * @param publicUrl the page of its share link, while it has one, for its owner or an admin (else absent)
 * @param apiKey the share link's token, with {@code publicUrl}
 * @param publicUrlExpiresAt when the share link ends, with {@code publicUrl} (absent for a link without an end;
 *                           Sightline's addition: Redash's links do not end)
 */
public record Dashboard(
        @JsonProperty("id") long id,
        @JsonProperty("slug") String slug,
        @JsonProperty("name") String name,
        @JsonProperty("user_id") long userId,
        @JsonProperty("user") QueryUser user,
        @JsonProperty("layout") List<Object> layout,
        @JsonProperty("dashboard_filters_enabled") boolean filtersEnabled,
        @JsonProperty("widgets") List<Map<String, Object>> widgets,
        @JsonProperty("options") Map<String, Object> options,
        @JsonProperty("is_archived") boolean archived,
        @JsonProperty("is_draft") boolean draft,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("version") long version,
        @JsonProperty("can_edit") boolean canEdit,
        @JsonProperty("is_favorite") boolean favorite,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("public_url") String publicUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("api_key") String apiKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("public_url_expires_at")
        OffsetDateTime publicUrlExpiresAt) {

    /** A dashboard without a share link shown to the caller. */
    public Dashboard(long id, String slug, String name, long userId, QueryUser user, List<Object> layout,
                     boolean filtersEnabled, List<Map<String, Object>> widgets, Map<String, Object> options,
                     boolean archived, boolean draft, List<String> tags, OffsetDateTime updatedAt,
                     OffsetDateTime createdAt, long version, boolean canEdit, boolean favorite) {
        this(id, slug, name, userId, user, layout, filtersEnabled, widgets, options, archived, draft, tags, updatedAt,
                createdAt, version, canEdit, favorite, null, null, null);
    }
}
