package io.sightline.server.datasource;

import java.time.OffsetDateTime;

/** A row of {@code data_sources}; {@code options} is the stored JSON, its secrets encrypted. */
record DataSourceRow(long id, String name, String type, String options, boolean paused, String pauseReason,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
