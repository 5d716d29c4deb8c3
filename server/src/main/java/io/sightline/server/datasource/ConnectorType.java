package io.sightline.server.datasource;

import io.sightline.common.parameter.SqlDialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A kind of data source ({@code pg}, {@code mysql}...): its options and how they become a JDBC connection. */
interface ConnectorType {

    /** Schemas (or, where schemas are catalogs, catalogs) that hold the database's own tables. */
    Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql",
            "performance_schema", "sys");

    /** The id stored and sent over the API, Redash's name where Redash has the type. */
    String type();

    /** The name shown to people. */
    String name();

    /** The options specific to this type, in display order ({@code row_limit} etc. are added to all). */
    List<OptionField> fields();

    /**
     * Checks what the schema cannot express (URL shapes, allowed values).
     *
     * @throws io.sightline.server.system.ApiException badRequest naming the option
     */
    default void check(DataSourceOptions options) {
    }

    ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout);

    /**
     * How parameter values are escaped for the engine this type's driver reaches, from non-secret options only.
     * Standard SQL strings unless the type says otherwise (PostgreSQL connections are kept at
     * {@code standard_conforming_strings = on} when lent, see {@link SessionReset}).
     */
    default SqlDialect dialect(DataSourceOptions options) {
        return SqlDialect.ANSI;
    }

    /** Whether the schema browser leaves this table's schema out; {@code schema} is null where there is none. */
    default boolean isSystem(String catalog, String schema) {
        String name = schema != null ? schema : catalog;
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return SYSTEM_SCHEMAS.contains(lower) || lower.startsWith("pg_temp_") || lower.startsWith("pg_toast_temp_");
    }

    /** The driver's message, made more helpful where a type knows better. Secrets are masked by the caller. */
    default String explain(SQLException e, DataSourceOptions options) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
