package io.sightline.desktop.api;

import java.util.List;

/** A table of a data source's schema ({@code name} is usually {@code schema.table}). */
public record SchemaTable(String name, List<SchemaColumn> columns) {

    public SchemaTable {
        columns = List.copyOf(columns);
    }

    /** A column; {@code type} is null when the server gives names only (as older Redash does). */
    public record SchemaColumn(String name, String type) {
    }

    /** The part after the last dot: {@code fact_transactions} of {@code sales.fact_transactions}. */
    public String shortName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** The part before the last dot, or null. */
    public String schemaName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
