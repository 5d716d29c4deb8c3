package io.sightline.server.execution.columns;

import io.sightline.common.api.execution.ColumnType;
import java.sql.Types;
import java.util.Locale;

/**
 * How a result column's values are read: finer than the column type a client sees, because the same JDBC type
 * means different things on different drivers (PostgreSQL reports both {@code bool} and {@code bit(n)} as
 * {@code BIT}, MariaDB reports {@code YEAR} as a date).
 */
enum ColumnKind {
    WHOLE(ColumnType.INTEGER),
    YEAR(ColumnType.INTEGER),
    DECIMAL(ColumnType.FLOAT),
    DOUBLE(ColumnType.FLOAT),
    BOOLEAN(ColumnType.BOOLEAN),
    BITS(ColumnType.STRING),
    DATE(ColumnType.DATE),
    DATETIME(ColumnType.DATETIME),
    /** DuckDB's timestamp without time zone, whose driver's text drops the era. */
    DUCKDB_TIMESTAMP(ColumnType.DATETIME),
    TIME(ColumnType.TIME),
    INTERVAL(ColumnType.INTERVAL),
    JSON(ColumnType.JSON),
    ARRAY(ColumnType.ARRAY),
    TEXT(ColumnType.STRING);

    final ColumnType type;

    ColumnKind(ColumnType type) {
        this.type = type;
    }

    static ColumnKind of(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.equals("YEAR")) {
            return YEAR;
        }
        if (name.equals("BIT") || name.equals("VARBIT") || name.equals("BIT VARYING")) {
            return BITS; // PostgreSQL bit(n) and varbit, MariaDB BIT(n), DuckDB BIT: strings of 0 and 1
        }
        if (name.startsWith("INTERVAL")) {
            return INTERVAL;
        }
        if (name.equals("JSON") || name.equals("JSONB")) {
            return JSON;
        }
        if (name.equals("HUGEINT") || name.equals("UHUGEINT") || name.equals("UBIGINT")) {
            return WHOLE;
        }
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> WHOLE;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> DATETIME;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.ARRAY -> ARRAY;
            default -> TEXT;
        };
    }
}
