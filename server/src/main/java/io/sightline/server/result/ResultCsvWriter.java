package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
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

/** RFC 4180 CSV of a whole result, streamed page by page, with spreadsheet formulas neutralised. */
final class ResultCsvWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ResultCsvWriter() {
    }

    static void write(StoredResult result, ResultStore store, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            writer.write(i == 0 ? "" : ",");
            writer.write(escape(neutralised(columns.get(i).name())));
        }
        writer.write("\r\n");
        try {
            store.forEachPage(result, page -> {
                try {
                    for (Object[] row : page) {
                        for (int i = 0; i < row.length; i++) {
                            writer.write(i == 0 ? "" : ",");
                            writer.write(row[i] == null ? "" : escape(cell(row[i])));
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

    static String escape(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
