package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code {"query_result": {...}}} in Redash's shape straight to the response, a page of rows at a
 * time, so a large result is never built as one object in memory.
 */
final class ResultJsonWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ResultJsonWriter() {
    }

    /** @param window rows {@code offset..offset+limit}, or null for the whole result */
    static void write(StoredResult result, RowWindow window, ResultStore store, OutputStream out) {
        write(result, window, store, out, Map.of());
    }

    /**
     * @param beside top-level fields written before {@code query_result} (a run's {@code job}), each value a
     *        JSON tree or a value this writer's mapper serializes
     */
    static void write(StoredResult result, RowWindow window, ResultStore store, OutputStream out,
                      Map<String, ?> beside) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, ?> field : beside.entrySet()) {
                json.writeName(field.getKey());
                json.writePOJO(field.getValue());
            }
            json.writeName("query_result");
            json.writeStartObject();
            json.writeNumberProperty("id", result.id());
            json.writeStringProperty("query_hash", result.queryHash());
            json.writeStringProperty("query", result.queryText());
            json.writeNumberProperty("data_source_id", result.dataSourceId());
            json.writeNumberProperty("runtime", result.runtime());
            json.writeStringProperty("retrieved_at", result.retrievedAt().toString());
            json.writeNumberProperty("row_count", result.rowCount());
            json.writeBooleanProperty("truncated", result.truncated());
            json.writeNumberProperty("row_limit", result.rowLimit());
            if (window != null) {
                json.writeNumberProperty("offset", window.offset());
                json.writeNumberProperty("limit", window.limit());
            }
            json.writeName("data");
            json.writeStartObject();
            json.writeName("columns");
            json.writePOJO(result.columns());
            json.writeName("rows");
            json.writeStartArray();
            List<Column> columns = result.columns();
            if (window == null) {
                store.forEachPage(result, page -> writeRows(json, columns, page));
            } else {
                writeRows(json, columns, store.rows(result, window.offset(), window.limit()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void writeRows(JsonGenerator json, List<Column> columns, List<Object[]> rows) {
        for (Object[] row : rows) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeName(columns.get(i).name());
                JsonValues.write(json, row[i]);
            }
            json.writeEndObject();
        }
    }

    record RowWindow(long offset, int limit) {
    }
}
