package io.sightline.common.visualization;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code TABLE} cell as its column shows it (Redash's table columns): numbers with the column's format,
 * dates and times with its format, booleans with its two words, links from their text template, the null value.
 * The workbench's table and the shared page's table write the same text.
 */
public final class TableCells {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

    private TableCells() {
    }

    /** The cell of {@code row} under {@code column}, as text. */
    public static String format(TableColumn column, Map<String, Object> row) {
        Object cell = row.get(column.name());
        if (cell == null) {
            Object nullValue = column.saved().get("nullValue");
            return nullValue == null ? "" : String.valueOf(nullValue);
        }
        return switch (column.displayAs() == null ? "string" : column.displayAs()) {
            case "number" -> cell instanceof Number n ? NumberFormat.format(n, column.numberFormat())
                    : String.valueOf(cell);
            case "datetime" -> {
                LocalDateTime time = dateTime(cell);
                yield time == null ? String.valueOf(cell) : DateTimeFormat.format(time, column.dateTimeFormat());
            }
            case "boolean" -> {
                Object values = column.saved().get("booleanValues");
                boolean on = Boolean.TRUE.equals(cell) || "true".equalsIgnoreCase(String.valueOf(cell));
                yield values instanceof List<?> l && l.size() == 2 ? String.valueOf(l.get(on ? 1 : 0))
                        : String.valueOf(on);
            }
            case "link" -> fill(column.linkTextTemplate(), cell, row);
            default -> String.valueOf(cell);
        };
    }

    /**
     * The link of a {@code link} column's cell, as Redash's table makes it: the URL, text and title templates
     * filled from the row and trimmed; none when the column is not a link column, the cell is empty (it shows the
     * column's null value) or the URL comes out empty.
     */
    public static Optional<TableLink> link(TableColumn column, Map<String, Object> row) {
        Object cell = row.get(column.name());
        if (!"link".equals(column.displayAs()) || cell == null) {
            return Optional.empty();
        }
        String url = fill(column.linkUrlTemplate(), cell, row).strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Object titleTemplate = column.saved().get("linkTitleTemplate");
        String title = titleTemplate instanceof String t ? fill(t, cell, row).strip() : "";
        return Optional.of(new TableLink(url, fill(column.linkTextTemplate(), cell, row).strip(), title));
    }

    /**
     * A value of a result column as a table column with nothing saved shows it: integers and floats in the
     * organization's number formats, dates and date-times in its date formats; empty for any other value (the
     * caller shows those its own way).
     *
     * @param type Redash's column type name ({@code integer}, {@code float}, {@code date}, {@code datetime}, ...)
     */
    public static Optional<String> byDefault(Object cell, String type, OrganizationFormats formats) {
        if (("integer".equals(type) || "float".equals(type)) && cell instanceof Number n) {
            return Optional.of(NumberFormat.format(n, formats.numberFormat(type)));
        }
        if ("date".equals(type) || "datetime".equals(type)) {
            LocalDateTime time = cell == null ? null : dateTime(cell);
            return time == null ? Optional.empty()
                    : Optional.of(DateTimeFormat.format(time, formats.dateTimeFormat(type)));
        }
        return Optional.empty();
    }

    /** A template with {@code {{ @ }}} the cell and {@code {{ column }}} another cell of the row. */
    static String fill(String template, Object cell, Map<String, Object> row) {
        if (template == null) {
            return String.valueOf(cell);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object value = "@".equals(key) ? cell : row.containsKey(key) ? row.get(key) : null;
            String replacement = value != null || "@".equals(key) || row.containsKey(key)
                    ? String.valueOf(value) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A text cell read as ChartValues reads dates, except that a date-time with an offset keeps the wall-clock time
     * the database returned in that offset (a chart puts every moment on one UTC axis; a table shows each value as it
     * is). A number is not a date here, it shows as it is.
     */
    private static LocalDateTime dateTime(Object cell) {
        if (cell instanceof Number) {
            return null;
        }
        String text = String.valueOf(cell).strip();
        String iso = text.replace(' ', 'T');
        if (ChartValues.hasOffset(iso)) {
            try {
                return OffsetDateTime.parse(iso).toLocalDateTime();
            } catch (DateTimeParseException notOffset) {
                return ChartValues.dateTime(text);
            }
        }
        return ChartValues.dateTime(text);
    }
}
