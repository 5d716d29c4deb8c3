package io.sightline.common.api.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code GET /api/data_sources}, as Redash lists it.
 *
 * @param supportsAutoLimit whether a run may ask for {@code apply_auto_limit} (Redash's "LIMIT 1000" box); boxed so
 *        that a server which does not send it is still read (null)
 */
public record DataSourceSummary(
        long id,
        String name,
        String type,
        String syntax,
        boolean paused,
        @JsonProperty("pause_reason") String pauseReason,
        @JsonProperty("view_only") boolean viewOnly,
        @JsonProperty("supports_auto_limit") Boolean supportsAutoLimit) {
}
