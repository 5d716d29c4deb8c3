package io.sightline.server.alert;

import io.sightline.server.system.ApiException;
import java.util.Map;

/**
 * The fields of a create or update body, checked; null where not sent. {@code rearmSent} tells "not sent" from
 * "sent as null" (which switches re-notification off).
 */
record AlertEdit(String name, Long queryId, AlertOptions options, Integer rearm, boolean rearmSent) {

    static final int MAX_NAME_CHARS = 255;

    static AlertEdit read(Map<String, Object> body, boolean create) {
        if (create) {
            for (String field : new String[] {"name", "query_id", "options"}) {
                if (body.get(field) == null) {
                    throw ApiException.badRequest("'" + field + "' is required");
                }
            }
        }
        String name = null;
        if (body.containsKey("name")) {
            if (!(body.get("name") instanceof String text) || text.isBlank()) {
                throw ApiException.badRequest("'name' must be a text that is not blank");
            }
            if (text.length() > MAX_NAME_CHARS) {
                throw ApiException.badRequest("'name' is longer than " + MAX_NAME_CHARS + " characters");
            }
            name = text.strip();
        }
        Long queryId = null;
        if (body.containsKey("query_id")) {
            if (!(body.get("query_id") instanceof Number n) || !whole(n) || n.longValue() < 1) {
                throw ApiException.badRequest("'query_id' must be the id of a saved query");
            }
            queryId = n.longValue();
        }
        AlertOptions options = body.containsKey("options") ? AlertOptions.validated(body.get("options")) : null;
        Integer rearm = null;
        Object sentRearm = body.get("rearm");
        if (sentRearm != null) {
            if (!(sentRearm instanceof Number n) || !whole(n) || n.longValue() < 0
                    || n.longValue() > Integer.MAX_VALUE) {
                throw ApiException.badRequest("'rearm' must be a whole number of seconds (0 or more), or null");
            }
            rearm = n.intValue() == 0 ? null : n.intValue();
        }
        return new AlertEdit(name, queryId, options, rearm, body.containsKey("rearm"));
    }

    /** A JSON integer: {@code 7.0} is refused as everywhere else (StrictJson), not read as 7. */
    private static boolean whole(Number n) {
        return (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof java.math.BigInteger)
                && n.doubleValue() == n.longValue();
    }
}
