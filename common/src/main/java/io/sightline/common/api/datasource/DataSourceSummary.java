package io.sightline.common.api.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.parameter.SqlDialect;

/**
 * An entry of {@code GET /api/data_sources}, as Redash lists it.
 *
 * @param supportsAutoLimit whether a run may ask for {@code apply_auto_limit} (Redash's "LIMIT 1000" box); boxed so
 *        that a server which does not send it is still read (null)
 * @param sqlDialect how the server escapes parameter values for this data source ({@link SqlDialect#id()}:
 *        {@code ansi} or {@code mysql}); Sightline's addition, absent from Redash (null)
 */
public record DataSourceSummary(
        long id,
        String name,
        String type,
        String syntax,
        boolean paused,
        @JsonProperty("pause_reason") String pauseReason,
        @JsonProperty("view_only") boolean viewOnly,
        @JsonProperty("supports_auto_limit") Boolean supportsAutoLimit,
        @JsonProperty("sql_dialect") String sqlDialect) {

    /** The dialect the server escapes parameter values in; standard SQL when a server does not say. */
    public SqlDialect dialect() {
        return SqlDialect.ofId(sqlDialect);
    }
}
