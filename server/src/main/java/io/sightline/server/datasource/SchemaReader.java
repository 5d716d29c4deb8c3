package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads tables and columns from {@link java.sql.DatabaseMetaData} in one {@code getColumns} call for the whole
 * database (one call per table is far too slow on big warehouses), leaving out the database's own schemas.
 */
final class SchemaReader {

    private static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private SchemaReader() {
    }

    static List<DataSourceSchema.Table> read(Connection connection, ConnectorType type) throws SQLException {
        String currentCatalog = connection.getCatalog();
        Map<String, List<DataSourceSchema.Column>> tables = new TreeMap<>(BY_NAME);
        try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String catalog = rs.getString(1);
                String schema = rs.getString(2);
                if (type.isSystem(catalog, schema)) {
                    continue;
                }
                String table = qualified(catalog, schema, rs.getString(3), currentCatalog);
                // JDBC returns columns ordered by table and position: the table's own column order
                tables.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new DataSourceSchema.Column(rs.getString(4), rs.getString(6)));
            }
        }
        return tables.entrySet().stream()
                .map(e -> new DataSourceSchema.Table(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /**
     * {@code schema.table}; where schemas are catalogs (MySQL) {@code database.table}; a table of another
     * catalog than the connection's (DuckDB's attached databases) gets {@code catalog.schema.table}.
     */
    static String qualified(String catalog, String schema, String table, String currentCatalog) {
        if (schema == null || schema.isEmpty()) {
            return catalog == null || catalog.isEmpty() ? table : catalog + "." + table;
        }
        if (catalog != null && !catalog.isEmpty() && currentCatalog != null && !catalog.equals(currentCatalog)) {
            return catalog + "." + schema + "." + table;
        }
        return schema + "." + table;
    }
}
