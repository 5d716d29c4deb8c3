package io.sightline.server.destination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty Events API v2: {@code trigger} when the alert triggers, {@code resolve} when it is back to ok, with one
 * {@code dedup_key} per alert ({@code <alert id>_<query id>}, as Redash) so the resolve closes the incident the
 * trigger opened. An unknown state sends nothing.
 */
@Component
class PagerDutySender implements DestinationSender {

    static final String EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    private final HttpPoster http;
    private final JsonMapper json;

    PagerDutySender(HttpPoster http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public String type() {
        return "pagerduty";
    }

    @Override
    public String name() {
        return "PagerDuty";
    }

    @Override
    public String icon() {
        return "creative-commons-pd-alt";
    }

    @Override
    public List<DestinationField> fields() {
        return List.of(DestinationField.text("integration_key", "PagerDuty Service Integration Key").asRequired().asSecret(),
                DestinationField.text("description", "Description for the event, defaults to alert name"),
                DestinationField.text("url", "Events API URL").withDefault(EVENTS_URL));
    }

    @Override
    public void send(Map<String, Object> options, Notification n, long notificationId) throws DeliveryFailure {
        if ("unknown".equals(n.state())) {
            return;
        }
        String url = options.get("url") instanceof String u && !u.isBlank() ? u : EVENTS_URL;
        http.post(url, json.writeValueAsString(body(options, n)), Map.of());
    }

    static Map<String, Object> body(Map<String, Object> options, Notification n) {
        String summary = n.customSubject() != null ? n.customSubject()
                : options.get("description") instanceof String d && !d.isBlank() ? d : "Alert: " + n.alertName();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("severity", "error");
        payload.put("source", "sightline");
        if (n.customBody() != null) {
            payload.put("custom_details", n.customBody());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", options.get("integration_key"));
        body.put("event_action", "ok".equals(n.state()) ? "resolve" : "trigger");
        body.put("dedup_key", n.alertId() + "_" + n.queryId());
        body.put("payload", payload);
        body.put("links", List.of(Map.of("href", n.alertUrl(), "text", "Alert"),
                Map.of("href", n.queryUrl(), "text", "Query")));
        return body;
    }
}
