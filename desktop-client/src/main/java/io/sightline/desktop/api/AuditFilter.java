package io.sightline.desktop.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of the audit log, as typed: the server checks them and names a bad one. {@code since} and
 * {@code until} take an ISO-8601 time, a date or an age ({@code 1d}, {@code 12h}); a blank filter is no filter.
 */
public record AuditFilter(String userId, String action, String objectType, String objectId, String since,
                          String until) {

    public static final AuditFilter NONE = new AuditFilter("", "", "", "", "", "");

    /** The server's query parameters for the filters that are set. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "user_id", userId);
        put(parameters, "action", action);
        put(parameters, "object_type", objectType);
        put(parameters, "object_id", objectId);
        put(parameters, "since", since);
        put(parameters, "until", until);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.strip());
        }
    }
}
