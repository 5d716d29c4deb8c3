package io.sightline.desktop.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert options the editor changes, laid over the ones the server keeps: the server replaces {@code options}
 * as a whole, so everything the editor does not show ({@code muted}, keys another client added) is sent back as
 * stored, and the notification templates only when the user changed them here.
 */
record EditedOptions(String column, String op, Object value, String selector, String customSubject,
                     String customBody) {

    static final String SUBJECT = "custom_subject";
    static final String BODY = "custom_body";

    /**
     * @param stored the options on the server now (empty for a new alert)
     * @param loaded the options the form was filled from (empty for a new alert)
     */
    Map<String, Object> over(Map<String, Object> stored, Map<String, Object> loaded) {
        Map<String, Object> options = new LinkedHashMap<>(stored);
        options.put("column", column);
        options.put("op", op);
        options.put("value", value);
        options.put("selector", selector);
        template(options, SUBJECT, customSubject, loaded);
        template(options, BODY, customBody, loaded);
        return options;
    }

    private static void template(Map<String, Object> options, String key, String text, Map<String, Object> loaded) {
        if (text.equals(text(loaded, key))) {
            return;
        }
        if (text.isBlank()) {
            options.remove(key);
        } else {
            options.put(key, text);
        }
    }

    static String text(Map<String, Object> options, String key) {
        return options.get(key) instanceof String text ? text : "";
    }
}
