package io.sightline.server.execution.columns;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON documents and arrays as nested JSON values (objects, arrays, numbers, strings), so that a client reads
 * {@code {"a": [1, 2]}} as the object it is instead of parsing a string in each database's own notation.
 */
final class NestedValues {

    /** Numbers in a document stay exact: {@code 0.1} must not come back as a binary float. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private NestedValues() {
    }

    /** The document as maps, lists and plain values; text that is not JSON stays the text it is. */
    static Object json(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JacksonException notJson) {
            return text;
        }
    }

    static Object array(Array array) throws SQLException {
        try {
            return list(array.getArray());
        } finally {
            try {
                array.free();
            } catch (SQLException | UnsupportedOperationException ignored) {
                // freeing is an optimisation some drivers do not offer
            }
        }
    }

    private static List<Object> list(Object elements) throws SQLException {
        List<Object> out = new ArrayList<>();
        if (elements instanceof Object[] objects) {
            for (Object element : objects) {
                out.add(element(element));
            }
        } else if (elements instanceof List<?> items) {
            for (Object element : items) {
                out.add(element(element));
            }
        } else if (elements != null && elements.getClass().isArray()) { // an array of primitives
            int length = java.lang.reflect.Array.getLength(elements);
            for (int i = 0; i < length; i++) {
                out.add(element(java.lang.reflect.Array.get(elements, i)));
            }
        }
        return out;
    }

    private static Object element(Object value) throws SQLException {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString(); // JSON has no NaN or Infinity
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                return f.toString();
            }
            return Double.valueOf(f.toString()); // 1.1f is 1.1, not 1.100000023841858
        }
        if (value instanceof Array nested) {
            return array(nested);
        }
        if (value instanceof Object[] || value instanceof List<?>) {
            return list(value);
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return ResultColumns.iso(t.toLocalDateTime());
        }
        if (value instanceof LocalDateTime t) {
            return ResultColumns.iso(t);
        }
        if (value instanceof LocalDate || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }
}
