package io.sightline.common.api.datasource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code GET /api/data_sources/{id}}. Admins also get {@code options} (secret values replaced by
 * {@link #MASK}) and {@code groups} (group id to view-only flag); for other users both are absent.
 */
public record DataSourceDetail(
        long id,
        String name,
        String type,
        String syntax,
        boolean paused,
        @JsonProperty("pause_reason") String pauseReason,
        @JsonProperty("view_only") boolean viewOnly,
        @JsonProperty("supports_auto_limit") Boolean supportsAutoLimit,
        @JsonProperty("sql_dialect") String sqlDialect,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> options,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<Long, Boolean> groups) {

    /** Stands for a stored secret; sending it back in an update keeps the stored value. */
    public static final String MASK = "--------";
}
