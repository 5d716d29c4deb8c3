package io.sightline.server.destination;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One alert notification, rendered when the alert changed state and kept in the outbox until delivered: every
 * destination type builds its message from these fields alone.
 *
 * @param state the alert's new state: {@code triggered}, {@code ok}, {@code unknown}, or {@code test} for a test
 * @param value the compared value as text (null when there was none)
 * @param subject the rendered custom subject, or the default one
 * @param customSubject the rendered custom subject, null when the alert has none
 * @param bodyText the rendered custom body (or a default) as plain text
 * @param bodyHtml the same for HTML mail: every value in it HTML-escaped
 * @param customBody the rendered custom body as plain text, null when the alert has none
 * @param alert Redash's {@code serialize_alert(alert, full=False)}, what a webhook receives
 * @param recipient the subscriber's email address (email destinations without addresses of their own)
 */
public record Notification(
        @JsonProperty("alert_id") long alertId,
        @JsonProperty("alert_name") String alertName,
        @JsonProperty("alert_url") String alertUrl,
        @JsonProperty("state") String state,
        @JsonProperty("query_id") long queryId,
        @JsonProperty("query_name") String queryName,
        @JsonProperty("query_url") String queryUrl,
        @JsonProperty("query_text") String queryText,
        @JsonProperty("value") String value,
        @JsonProperty("subject") String subject,
        @JsonProperty("custom_subject") String customSubject,
        @JsonProperty("body_text") String bodyText,
        @JsonProperty("body_html") String bodyHtml,
        @JsonProperty("custom_body") String customBody,
        @JsonProperty("alert") Map<String, Object> alert,
        @JsonProperty("url_base") String urlBase,
        @JsonProperty("recipient") String recipient) {
}
