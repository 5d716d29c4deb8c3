package io.sightline.common.parameter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Turning raw JSON values into text, and quoting them in messages. */
final class ValueText {

    private static final int QUOTED_LIMIT = 60;

    private ValueText() {
    }

    /** True for what counts as no value at all: null, blank text, an empty list or object. */
    static boolean isMissing(Object raw) {
        return raw == null
                || raw instanceof String text && text.isBlank()
                || raw instanceof List<?> list && list.isEmpty()
                || raw instanceof Map<?, ?> map && map.values().stream().allMatch(ValueText::isMissing);
    }

    /** The text of a single JSON value (string, number, boolean). */
    static String scalar(Object raw) {
        if (raw instanceof List) {
            throw new InvalidValue("expects a single value, not a list");
        }
        if (raw instanceof Map) {
            throw new InvalidValue("expects a single value, not an object");
        }
        return plain(raw);
    }

    static String plain(Object scalar) {
        return scalar instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(scalar);
    }

    /** {@code "value"} for a message, shortened when long so a message stays readable. */
    static String quote(String text) {
        String shown = text.length() <= QUOTED_LIMIT ? text : text.substring(0, QUOTED_LIMIT) + "...";
        return "\"" + shown + "\"";
    }
}
