package io.sightline.desktop.results;

import io.sightline.common.api.execution.ColumnType;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.common.visualization.TableCells;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a value looks in copied and exported text: numbers plain, date-times without the ISO 'T', json and
 * array values as compact JSON; {@code time} and {@code interval} values as the server sends them.
 */
public final class CellFormat {

    /** {@code uuuu}, not {@code yyyy}: a year BC ({@code -0043}) keeps its sign. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CellFormat() {
    }

    public static String text(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number) {
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString(number.longValue()) : BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return JSON.writeValueAsString(value); // json and array cells as compact JSON, not Java's {a=1}
        }
        if (type == ColumnType.DATETIME && value instanceof String text) {
            return dateTime(text);
        }
        return value.toString();
    }

    /**
     * How a value looks in the grid: integers, floats, dates and date-times in the organization's formats (as
     * Redash's results table shows them), the rest as {@link #text}.
     */
    public static String shown(Object value, ColumnType type, OrganizationFormats formats) {
        if (value == null) {
            return "";
        }
        return TableCells.byDefault(value, type.wireName(), formats).orElseGet(() -> text(value, type));
    }

    /** Numbers sit right in their cells. */
    public static boolean rightAligned(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.FLOAT;
    }

    private static String dateTime(String text) {
        try {
            return DATE_TIME.format(OffsetDateTime.parse(text).toLocalDateTime());
        } catch (DateTimeParseException notOffset) {
            try {
                return DATE_TIME.format(LocalDateTime.parse(text.replace(' ', 'T')));
            } catch (DateTimeParseException notLocal) {
                return text;
            }
        }
    }
}
