package io.sightline.server.execution.columns;

import io.sightline.common.api.execution.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a JDBC result to Redash's typed columns and JSON-friendly values, keeping what the database returned:
 * whole numbers as Long (or BigInteger), decimals exactly as BigDecimal, doubles as doubles, dates, times and
 * timestamps as ISO-8601 text with their offset, fraction and era, intervals as ISO-8601 durations, json and
 * arrays as nested values, bit strings as text of 0 and 1, everything else as text.
 */
public final class ResultColumns {

    private final List<Column> columns;
    private final ColumnKind[] kinds;
    private final int[] widths;
    private final int maxCellChars;

    private ResultColumns(List<Column> columns, ColumnKind[] kinds, int[] widths, int maxCellChars) {
        this.columns = columns;
        this.kinds = kinds;
        this.widths = widths;
        this.maxCellChars = maxCellChars;
    }

    /** @param maxCellChars a longer text cell (a binary one as hex) is cut to this length, with a marker */
    /** @param duckDb the result is DuckDB's, whose driver drops the era of timestamps in their text */
    public static ResultColumns of(ResultSetMetaData meta, int maxCellChars, boolean duckDb) throws SQLException {
        int count = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        ColumnKind[] kinds = new ColumnKind[count];
        int[] widths = new int[count];
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            String label = meta.getColumnLabel(i);
            String name = unique(label == null || label.isBlank() ? "column" + i : label, seen);
            kinds[i - 1] = ColumnKind.of(meta.getColumnType(i), meta.getColumnTypeName(i));
            widths[i - 1] = meta.getPrecision(i);
            if (duckDb && kinds[i - 1] == ColumnKind.DATETIME && meta.getColumnType(i) == Types.TIMESTAMP) {
                kinds[i - 1] = ColumnKind.DUCKDB_TIMESTAMP;
            }
            columns.add(new Column(name, name, kinds[i - 1].type));
        }
        return new ResultColumns(List.copyOf(columns), kinds, widths, maxCellChars);
    }

    public List<Column> columns() {
        return columns;
    }

    public Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            row[i] = value(rs, i + 1, kinds[i], widths[i]);
        }
        return row;
    }

    private Object value(ResultSet rs, int index, ColumnKind kind, int width) throws SQLException {
        return switch (kind) {
            // read as text: the driver's Java objects lose offsets, fractions, eras and MariaDB's 838 hours
            case DATE -> textOf(rs, index, TemporalText::date);
            case DATETIME -> textOf(rs, index, text -> TemporalText.dateTime(text, fractionDigits(width)));
            case DUCKDB_TIMESTAMP -> duckDbTimestamp(rs, index);
            case TIME -> textOf(rs, index, TemporalText::time);
            case YEAR -> textOf(rs, index, Long::valueOf);
            case BITS -> bits(rs, index, width);
            case INTERVAL -> {
                Object raw = rs.getObject(index);
                yield raw == null ? null : IsoDuration.of(raw, rs.getString(index));
            }
            case JSON -> {
                String text = rs.getString(index);
                yield text == null ? null : text.length() > maxCellChars ? text(text, maxCellChars) : NestedValues.json(text);
            }
            case ARRAY -> {
                java.sql.Array array = rs.getArray(index);
                yield array == null ? null : NestedValues.array(array);
            }
            default -> {
                Object raw = rs.getObject(index);
                yield raw == null ? null : plain(rs, index, kind, raw);
            }
        };
    }

    private Object plain(ResultSet rs, int index, ColumnKind kind, Object raw) throws SQLException {
        return switch (kind) {
            case WHOLE -> raw instanceof Number n ? wholeNumber(n) : new BigDecimal(raw.toString()).toBigInteger();
            case DECIMAL -> decimal(raw);
            case DOUBLE -> floating(raw);
            case BOOLEAN -> raw instanceof Boolean b ? b : rs.getBoolean(index);
            default -> raw instanceof byte[] bytes ? hex(bytes, maxCellChars) : text(textOf(rs, index, raw), maxCellChars);
        };
    }

    private static Object duckDbTimestamp(ResultSet rs, int index) throws SQLException {
        LocalDateTime time = rs.getObject(index, LocalDateTime.class);
        return time == null ? null : TemporalText.duckDbTimestamp(time);
    }

    /**
     * The fraction digits of a timestamp column whose width says them ({@code TIMESTAMP(3)} is 23 wide on
     * MariaDB, whose driver writes six digits whatever the column holds); -1 when the width does not tell.
     */
    private static int fractionDigits(int width) {
        return width > 20 && width <= 26 ? width - 20 : -1;
    }

    /** The driver's text where it has one: DuckDB's struct {@code {'x': 1}} rather than Java's {@code {x=1}}. */
    private static String textOf(ResultSet rs, int index, Object raw) throws SQLException {
        String text = rs.getString(index);
        return text != null ? text : raw.toString();
    }

    private static Object textOf(ResultSet rs, int index, java.util.function.Function<String, Object> convert)
            throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : convert.apply(text);
    }

    /**
     * A bit string as its 0s and 1s: PostgreSQL and DuckDB write it so; MariaDB hands out the bytes, which are
     * written with the column's width ({@code BIT(8)} {@code 00000101}).
     */
    private static Object bits(ResultSet rs, int index, int width) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        if (raw instanceof byte[] bytes) {
            StringBuilder bits = new StringBuilder(bytes.length * 8);
            for (byte b : bytes) {
                String eight = Integer.toBinaryString(b & 0xff);
                bits.append("0".repeat(8 - eight.length())).append(eight);
            }
            int keep = width > 0 && width < bits.length() ? width : bits.length();
            return bits.substring(bits.length() - keep);
        }
        if (raw instanceof Boolean b) { // a driver that reads BIT(1) as a boolean
            String text = rs.getString(index);
            return text != null && (text.equals("0") || text.equals("1")) ? text : b ? "1" : "0";
        }
        return rs.getString(index);
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
        return floating(raw); // PostgreSQL's numeric NaN arrives as a double
    }

    /** A double stays a double (written {@code 1.0E308}); a float keeps the digits it shows ({@code 1.1}). */
    private static Object floating(Object raw) {
        if (raw instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d; // JSON has no NaN or Infinity
        }
        if (raw instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : Double.valueOf(f.toString());
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        return raw instanceof Number n ? new BigDecimal(n.toString()) : raw.toString();
    }

    /** ISO-8601 with seconds always present; cheaper than a DateTimeFormatter, which showed in stack samples. */
    static String iso(LocalDateTime time) {
        String text = time.toString(); // uuuu-MM-ddTHH:mm, then :ss and a fraction only when not zero
        return text.length() == text.indexOf('T') + 6 ? text + ":00" : text; // years BC and past 9999 are longer
    }

    private static String unique(String name, Set<String> seen) {
        String candidate = name;
        for (int n = 2; !seen.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
