package io.sightline.desktop.api;

/**
 * An alert as the alerts list shows it (from Redash's alert JSON).
 *
 * @param lastTriggeredAt ISO-8601 text, or null when it never changed state
 */
public record AlertSummary(long id, String name, String queryName, String state, String lastTriggeredAt,
                           boolean muted) {
}
