package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole result as CSV (RFC 4180) or TSV, streamed page by page, as Redash's {@code serialize_query_result_to_dsv}
 * writes it: booleans {@code true}/{@code false}, dates and timestamps in the organization's formats
 * ({@link DsvDates}), a field quoted when it holds the delimiter, a quote or a line break; and, unlike Redash,
 * spreadsheet formulas neutralised.
 */
final class ResultDsvWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ResultDsvWriter() {
    }

    static void write(StoredResult result, ResultStore store, OutputStream out, char delimiter, DsvDates dates)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                writer.write(delimiter);
            }
            writer.write(escape(neutralised(columns.get(i).name()), delimiter));
        }
        writer.write("\r\n");
        try {
            store.forEachPage(result, page -> {
                try {
                    for (Object[] row : page) {
                        for (int i = 0; i < row.length; i++) {
                            if (i > 0) {
                                writer.write(delimiter);
                            }
                            if (row[i] != null) {
                                writer.write(escape(cell(row[i], type(columns, i), dates), delimiter));
                            }
                        }
                        writer.write("\r\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static ColumnType type(List<Column> columns, int i) {
        return i < columns.size() ? columns.get(i).type() : null;
    }

    /** Dates and timestamps in the organization's formats; any other value as {@link #cell(Object)} writes it. */
    static String cell(Object value, ColumnType type, DsvDates dates) {
        if (value instanceof String text && type == ColumnType.DATE) {
            return neutralised(dates.date(text));
        }
        if (value instanceof String text && type == ColumnType.DATETIME) {
            return neutralised(dates.dateTime(text));
        }
        return cell(value);
    }

    /**
     * A number as it is ({@code -5} is a number, not a formula); text that a spreadsheet would run as a formula
     * (starting with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, which spreadsheets
     * show as text and do not evaluate (OWASP's advice against CSV injection).
     */
    static String cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.scale() < 0 ? JsonValues.floatText(d) : d.toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return jsonText(value); // json and array cells as the JSON the API answers, not Java's toString
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return neutralised(value.toString());
    }

    private static String jsonText(Object value) {
        var text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            JsonValues.write(json, value);
        }
        return text.toString();
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    static String escape(String value, char delimiter) {
        boolean quote = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
