package io.sightline.server.alert;

import io.sightline.server.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert's {@code options} as Redash keeps them: {@code column}, {@code op}, {@code value}, {@code selector},
 * {@code custom_subject}, {@code custom_body}, {@code muted}; keys a client adds besides are kept as sent. The
 * operator is kept as written, Redash's older {@code greater than}, {@code less than}, {@code equals} included.
 */
record AlertOptions(Map<String, Object> values) {

    static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "==", "!=", "greater than", "less than",
            "equals");
    static final List<String> SELECTORS = List.of("first", "min", "max");
    static final int MAX_TEMPLATE_CHARS = 20_000;

    /**
     * Checks a sent options object and fills in the defaults ({@code selector} first, {@code muted} false).
     *
     * @throws ApiException 400 naming the field that is missing or wrong
     */
    static AlertOptions validated(Object sent) {
        if (!(sent instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("'options' must be an object: {\"column\": ..., \"op\": ..., \"value\": ...}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        if (!(values.get("column") instanceof String column) || column.isBlank()) {
            throw ApiException.badRequest("'options.column' is required: the name of the result column to watch");
        }
        if (!(values.get("op") instanceof String op) || !OPERATORS.contains(op)) {
            throw ApiException.badRequest("'options.op' must be one of " + String.join(", ", OPERATORS));
        }
        Object threshold = values.get("value");
        if (!(threshold instanceof Number) && !(threshold instanceof String)) {
            throw ApiException.badRequest("'options.value' is required: the threshold, a number or a text");
        }
        Object selector = values.getOrDefault("selector", "first");
        if (!(selector instanceof String name) || !SELECTORS.contains(name)) {
            throw ApiException.badRequest("'options.selector' must be one of " + String.join(", ", SELECTORS));
        }
        values.put("selector", selector);
        for (String template : List.of("custom_subject", "custom_body")) {
            Object text = values.get(template);
            if (text != null && !(text instanceof String)) {
                throw ApiException.badRequest("'options." + template + "' must be a text");
            }
            if (text instanceof String t && t.length() > MAX_TEMPLATE_CHARS) {
                throw ApiException.badRequest("'options." + template + "' is longer than " + MAX_TEMPLATE_CHARS
                        + " characters");
            }
        }
        Object muted = values.getOrDefault("muted", false);
        if (!(muted instanceof Boolean)) {
            throw ApiException.badRequest("'options.muted' must be true or false");
        }
        values.put("muted", muted);
        return new AlertOptions(values);
    }

    String column() {
        return (String) values.get("column");
    }

    String op() {
        return (String) values.get("op");
    }

    Object threshold() {
        return values.get("value");
    }

    String selector() {
        return (String) values.getOrDefault("selector", "first");
    }

    boolean muted() {
        return Boolean.TRUE.equals(values.get("muted"));
    }

    String customSubject() {
        return values.get("custom_subject") instanceof String s && !s.isBlank() ? s : null;
    }

    /** Redash's older alerts kept the body as {@code template}. */
    String customBody() {
        Object body = values.containsKey("custom_body") ? values.get("custom_body") : values.get("template");
        return body instanceof String s && !s.isBlank() ? s : null;
    }

    AlertOptions withMuted(boolean muted) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put("muted", muted);
        return new AlertOptions(changed);
    }
}
