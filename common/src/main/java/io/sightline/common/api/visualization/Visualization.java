package io.sightline.common.api.visualization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A visualization of a saved query as {@code POST /api/visualizations} answers it and a query's JSON lists it
 * (Redash's {@code serialize_visualization} without the query).
 *
 * @param type Redash's type name: {@code TABLE}, {@code CHART}, {@code COUNTER}, {@code PIVOT}, ...; a type this
 *        version does not know is stored and returned as it is
 * @param options the options object exactly as saved (Redash saves partial options and fills its defaults when it
 *        draws; see {@code io.sightline.common.visualization} for the typed views and defaults)
 */
public record Visualization(
        @JsonProperty("id") long id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("options") Map<String, Object> options,
        @JsonProperty("updated_at") OffsetDateTime updatedAt,
        @JsonProperty("created_at") OffsetDateTime createdAt) {
}
