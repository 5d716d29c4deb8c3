package io.sightline.server.destination;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Microsoft Teams incoming webhook: Redash's MessageCard (or the destination's own {@code message_template}), in
 * which {@code {alert_name}}, {@code {alert_url}}, {@code {query_text}}, {@code {query_url}} are replaced by
 * JSON-escaped values, so no value can change the card's structure.
 */
@Component
class TeamsSender implements DestinationSender {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(alert_name|alert_url|query_text|query_url)}");

    private final HttpPoster http;
    private final JsonMapper json;

    TeamsSender(HttpPoster http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    static String defaultTemplate(JsonMapper json) {
        return json.writeValueAsString(Map.of(
                "@type", "MessageCard",
                "@context", "http://schema.org/extensions",
                "themeColor", "0076D7",
                "summary", "A Sightline Alert was Triggered",
                "sections", List.of(Map.of(
                        "activityTitle", "A Sightline Alert was Triggered",
                        "facts", List.of(
                                Map.of("name", "Alert Name", "value", "{alert_name}"),
                                Map.of("name", "Alert URL", "value", "{alert_url}"),
                                Map.of("name", "Query", "value", "{query_text}"),
                                Map.of("name", "Query URL", "value", "{query_url}")),
                        "markdown", true))));
    }

    @Override
    public String type() {
        return "microsoft_teams_webhook";
    }

    @Override
    public String name() {
        return "Microsoft Teams Webhook";
    }

    @Override
    public String icon() {
        return "fa-bolt";
    }

    @Override
    public List<DestinationField> fields() {
        return List.of(DestinationField.text("url", "Microsoft Teams Webhook URL").asRequired().asSecret(),
                DestinationField.text("message_template", "Message Template").withDefault(defaultTemplate(json)));
    }

    @Override
    public void send(Map<String, Object> options, Notification n, long notificationId) throws DeliveryFailure {
        String template = options.get("message_template") instanceof String t && !t.isBlank() ? t : defaultTemplate(json);
        http.post(String.valueOf(options.get("url")), body(template, n), Map.of());
    }

    String body(String template, Notification n) {
        Map<String, String> values = Map.of("alert_name", n.alertName(), "alert_url", n.alertUrl(),
                "query_text", n.queryText(), "query_url", n.queryUrl());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String quoted = json.writeValueAsString(values.get(matcher.group(1)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(quoted.substring(1, quoted.length() - 1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
