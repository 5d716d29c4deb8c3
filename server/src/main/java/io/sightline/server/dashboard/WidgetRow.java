package io.sightline.server.dashboard;

import java.time.OffsetDateTime;

/** A row of the widgets table; {@code visualizationId} is null for a text widget, {@code options} JSON text. */
record WidgetRow(long id, long dashboardId, Long visualizationId, String text, int width, String options,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, dashboard_id, visualization_id, text, width, options, created_at, updated_at";
}
