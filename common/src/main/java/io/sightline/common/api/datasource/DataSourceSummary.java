package io.sightline.common.api.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of {@code GET /api/data_sources}, as Redash lists it. */
public record DataSourceSummary(
        long id,
        String name,
        String type,
        String syntax,
        boolean paused,
        @JsonProperty("pause_reason") String pauseReason,
        @JsonProperty("view_only") boolean viewOnly) {
}
