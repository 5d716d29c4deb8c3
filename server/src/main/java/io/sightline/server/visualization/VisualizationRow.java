package io.sightline.server.visualization;

import java.time.OffsetDateTime;

/** A row of the visualizations table; {@code options} is the JSON text as saved. */
record VisualizationRow(long id, long queryId, String type, String name, String description, String options,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, query_id, type, name, description, options, created_at, updated_at";
}
