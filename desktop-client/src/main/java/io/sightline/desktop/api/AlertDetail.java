package io.sightline.desktop.api;

import java.util.Map;

/**
 * One alert as {@code GET /api/alerts/{id}} answers: what the editor fills its form from.
 *
 * @param options         Redash's alert options as the server keeps them ({@code column, op, value, selector,
 *                        custom_subject, custom_body, muted} and any key another client added)
 * @param rearm           seconds between re-notifications while triggered, or null for none
 * @param lastTriggeredAt ISO-8601 text, or null when it never changed state
 */
public record AlertDetail(long id, String name, Map<String, Object> options, String state, String lastTriggeredAt,
                          Integer rearm, long queryId, String queryName) {

    /** The alert as the alerts list shows it. */
    public AlertSummary summary() {
        return new AlertSummary(id, name, queryName, state, lastTriggeredAt, Boolean.TRUE.equals(options.get("muted")));
    }
}
