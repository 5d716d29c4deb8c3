package io.sightline.server.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Writes the few value types a stored row holds, without Jackson's per-value serializer lookup. */
final class JsonValues {

    private JsonValues() {
    }

    static void write(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            if (d.scale() < 0) {
                json.writeNumber(floatText(d)); // 1.0E308 stays a float, never 309 digits of an integer
            } else {
                json.writeNumber(d);
            }
        } else if (value instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    /**
     * A decimal with a negative scale is a double read back from a stored page ({@code 1.0E308}): written in
     * exponent form, as Java writes the double, so clients parse it as the float it was.
     */
    static String floatText(BigDecimal d) {
        return d.toString().replace("E+", "E");
    }
}
