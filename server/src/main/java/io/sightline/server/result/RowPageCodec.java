package io.sightline.server.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A page of rows on disk: a JSON array of row arrays, gzip at the fastest level (results are read far more than written). */
final class RowPageCodec {

    /** Decimals stay exact (sums of money must not come back as binary floating point). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final TypeReference<List<Object[]>> ROWS = new TypeReference<>() {
    };

    private RowPageCodec() {
    }

    static byte[] encode(List<Object[]> rows) {
        var bytes = new ByteArrayOutputStream(Math.max(1024, rows.size() * 32));
        try (OutputStream out = new FastGzipOutputStream(bytes); JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (Object[] row : rows) {
                json.writeStartArray();
                for (Object value : row) {
                    JsonValues.write(json, value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Object[]> decode(byte[] data) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 64 * 1024)) {
            return JSON.readValue(in, ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
