package io.sightline.server.execution;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a JDBC result to Redash's typed columns and JSON-friendly values: whole numbers as Long (or BigInteger),
 * decimals exactly as BigDecimal, dates and timestamps as ISO-8601 text, everything else as text.
 */
final class ResultColumns {

    private final List<Column> columns;
    private final ColumnType[] types;
    private final int maxCellChars;

    private ResultColumns(List<Column> columns, int maxCellChars) {
        this.columns = columns;
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.maxCellChars = maxCellChars;
    }

    /** @param maxCellChars a longer text cell (a binary one as hex) is cut to this length, with a marker */
    static ResultColumns of(ResultSetMetaData meta, int maxCellChars) throws SQLException {
        int count = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            String label = meta.getColumnLabel(i);
            String name = unique(label == null || label.isBlank() ? "column" + i : label, seen);
            columns.add(new Column(name, name, typeOf(meta.getColumnType(i))));
        }
        return new ResultColumns(List.copyOf(columns), maxCellChars);
    }

    List<Column> columns() {
        return columns;
    }

    Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            row[i] = value(rs, i + 1, types[i], maxCellChars);
        }
        return row;
    }

    private static Object value(ResultSet rs, int index, ColumnType type, int maxCellChars) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> raw instanceof Number n ? wholeNumber(n) : new BigDecimal(raw.toString());
            case FLOAT -> decimal(raw);
            case BOOLEAN -> raw instanceof Boolean b ? b : rs.getBoolean(index);
            case DATE -> date(raw);
            case DATETIME -> dateTime(raw);
            case STRING -> raw instanceof byte[] bytes ? hex(bytes, maxCellChars) : text(raw.toString(), maxCellChars);
        };
    }

    /**
     * Text longer than the cell limit is cut, and says so at its end: a result keeps every row, a client never
     * has to hold one enormous cell, and a reader sees that the value is not whole.
     */
    static String text(String text, int maxCellChars) {
        if (text.length() <= maxCellChars) {
            return text;
        }
        return text.substring(0, maxCellChars) + cutMarker(text.length(), "characters", maxCellChars);
    }

    /** Bytes as hex, two characters a byte; only the bytes that fit the limit are encoded. */
    static String hex(byte[] bytes, int maxCellChars) {
        if (2L * bytes.length <= maxCellChars) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return java.util.HexFormat.of().formatHex(bytes, 0, maxCellChars / 2)
                + cutMarker(bytes.length, "bytes", maxCellChars);
    }

    private static String cutMarker(long size, String unit, int maxCellChars) {
        return String.format(java.util.Locale.ROOT, "\u2026 [cut: the value has %,d %s; cells keep %,d characters]",
                size, unit, maxCellChars);
    }

    private static Object wholeNumber(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : big;
        }
        return new BigDecimal(n.toString()).toBigInteger();
    }

    private static Object decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString(); // JSON has no NaN or Infinity
        }
        if (raw instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return f.toString();
        }
        return raw instanceof Number n ? new BigDecimal(n.toString()) : raw.toString();
    }

    private static Object date(Object raw) {
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (raw instanceof LocalDate d) {
            return d.toString();
        }
        return raw.toString();
    }

    private static Object dateTime(Object raw) {
        if (raw instanceof Timestamp t) {
            return iso(t.toLocalDateTime());
        }
        if (raw instanceof LocalDateTime t) {
            return iso(t);
        }
        if (raw instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (raw instanceof java.time.ZonedDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return raw.toString();
    }

    /** ISO-8601 with seconds always present; cheaper than a DateTimeFormatter, which showed in stack samples. */
    static String iso(LocalDateTime time) {
        String text = time.toString(); // uuuu-MM-ddTHH:mm, then :ss and a fraction only when not zero
        return text.length() == 16 ? text + ":00" : text;
    }

    static ColumnType typeOf(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INTEGER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> ColumnType.FLOAT;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATETIME;
            default -> ColumnType.STRING;
        };
    }

    private static String unique(String name, Set<String> seen) {
        String candidate = name;
        for (int n = 2; !seen.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
