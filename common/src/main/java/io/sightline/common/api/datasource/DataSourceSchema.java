package io.sightline.common.api.datasource;

import java.util.List;

/** {@code GET /api/data_sources/{id}/schema}: tables sorted by name, columns in table order. */
public record DataSourceSchema(List<Table> schema) {

    /** {@code name} is {@code schema.table} ({@code database.table} for MySQL/MariaDB). */
    public record Table(String name, List<Column> columns) {
    }

    public record Column(String name, String type) {
    }
}
