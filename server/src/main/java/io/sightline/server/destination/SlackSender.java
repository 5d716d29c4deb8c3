package io.sightline.server.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A Slack incoming webhook: Redash's message, one attachment with the links as fields (Slack's attachments format). */
@Component
class SlackSender implements DestinationSender {

    private final HttpPoster http;
    private final JsonMapper json;

    SlackSender(HttpPoster http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public String name() {
        return "Slack";
    }

    @Override
    public String icon() {
        return "fa-slack";
    }

    @Override
    public List<DestinationField> fields() {
        return List.of(DestinationField.text("url", "Slack Webhook URL").asRequired().asSecret());
    }

    @Override
    public void send(Map<String, Object> options, Notification n, long notificationId) throws DeliveryFailure {
        http.post(String.valueOf(options.get("url")), json.writeValueAsString(body(n)), Map.of());
    }

    static Map<String, Object> body(Notification n) {
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(Map.of("title", "Query", "type", "mrkdwn", "value", n.queryUrl()));
        fields.add(Map.of("title", "Alert", "type", "mrkdwn", "value", n.alertUrl()));
        if (n.customBody() != null) {
            fields.add(Map.of("title", "Description", "value", n.customBody()));
        }
        String text;
        String color;
        if ("triggered".equals(n.state())) {
            text = n.customSubject() != null ? n.customSubject() : n.alertName() + " just triggered";
            color = "#c0392b";
        } else {
            text = n.alertName() + " went back to normal";
            color = "#27ae60";
        }
        return Map.of("attachments", List.of(Map.of("text", text, "color", color, "fields", fields)));
    }
}
