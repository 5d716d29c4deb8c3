package io.sightline.server.alert;

import io.sightline.common.api.execution.Column;
import io.sightline.server.destination.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders what a transition tells its subscribers: Redash's template names, its webhook alert JSON. */
@Component
class AlertNotifications {

    static final int TABLE_ROWS = 20;
    static final String DEFAULT_BODY = """
            <p>Alert <a href="{{ ALERT_URL }}">{{ ALERT_NAME }}</a> changed state to <b>{{ ALERT_STATUS }}</b>.</p>
            <p>Value: {{ QUERY_RESULT_VALUE }} (condition: {{ ALERT_SELECTOR }} value {{ ALERT_CONDITION }} {{ ALERT_THRESHOLD }})</p>
            <p>Query: <a href="{{ QUERY_URL }}">{{ QUERY_NAME }}</a></p>""";
    static final String DEFAULT_TEXT = """
            Alert {{ ALERT_NAME }} changed state to {{ ALERT_STATUS }}.
            Value: {{ QUERY_RESULT_VALUE }} (condition: {{ ALERT_SELECTOR }} value {{ ALERT_CONDITION }} {{ ALERT_THRESHOLD }})
            Alert: {{ ALERT_URL }}
            Query: {{ QUERY_NAME }} {{ QUERY_URL }}""";

    private final AlertProperties properties;
    private final JsonMapper json;

    AlertNotifications(AlertProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    Notification notification(AlertCheck check, String state, String triggeredAt, String recipient) {
        Map<String, AlertTemplates.Value> context = context(check, state);
        AlertOptions options = check.options();
        String customSubject = AlertTemplates.render(options.customSubject(), context, false);
        String customBody = AlertTemplates.render(options.customBody(), context, false);
        String bodyText = customBody != null ? customBody : AlertTemplates.render(DEFAULT_TEXT, context, false);
        String bodyHtml = AlertTemplates.render(options.customBody() != null ? options.customBody() : DEFAULT_BODY,
                context, true);
        String subject = customSubject != null ? customSubject
                : "(" + state.toUpperCase(Locale.ROOT) + ") " + check.alert().name();
        Object value = check.evaluation().value() != null ? check.evaluation().value() : check.firstValue();
        return new Notification(check.alert().id(), check.alert().name(), alertUrl(check), state, check.query().id(),
                check.query().name(), queryUrl(check), check.query().queryText(), value == null ? null : value.toString(),
                subject, customSubject, bodyText, bodyHtml, customBody, webhookAlert(check, state, triggeredAt),
                properties.base(), recipient);
    }

    Map<String, AlertTemplates.Value> context(AlertCheck check, String state) {
        AlertOptions options = check.options();
        Map<String, AlertTemplates.Value> context = new LinkedHashMap<>();
        context.put("ALERT_NAME", AlertTemplates.Value.of(check.alert().name()));
        context.put("ALERT_URL", AlertTemplates.Value.of(alertUrl(check)));
        context.put("ALERT_STATUS", AlertTemplates.Value.of(state.toUpperCase(Locale.ROOT)));
        context.put("ALERT_SELECTOR", AlertTemplates.Value.of(options.selector()));
        context.put("ALERT_CONDITION", AlertTemplates.Value.of(options.op()));
        context.put("ALERT_THRESHOLD", AlertTemplates.Value.of(options.threshold()));
        context.put("QUERY_NAME", AlertTemplates.Value.of(check.query().name()));
        context.put("QUERY_URL", AlertTemplates.Value.of(queryUrl(check)));
        context.put("QUERY_RESULT_VALUE", AlertTemplates.Value.of(check.firstValue()));
        context.put("QUERY_RESULT_ROWS", AlertTemplates.Value.of(json.writeValueAsString(rowObjects(check))));
        context.put("QUERY_RESULT_COLS", AlertTemplates.Value.of(json.writeValueAsString(check.columns())));
        context.put("QUERY_RESULT_TABLE", table(check));
        return context;
    }

    private List<Map<String, Object>> rowObjects(AlertCheck check) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : check.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < check.columns().size() && i < row.length; i++) {
                object.put(check.columns().get(i).name(), row[i]);
            }
            rows.add(object);
        }
        return rows;
    }

    /** The first rows, as an HTML table (every cell escaped) and as tab-separated text. */
    static AlertTemplates.Value table(AlertCheck check) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        StringBuilder text = new StringBuilder();
        List<String> names = check.columns().stream().map(Column::name).toList();
        names.forEach(name -> html.append("<th>").append(AlertTemplates.escape(name)).append("</th>"));
        text.append(String.join("\t", names)).append('\n');
        html.append("</tr></thead><tbody>");
        check.rows().stream().limit(TABLE_ROWS).forEach(row -> {
            html.append("<tr>");
            List<String> cells = new ArrayList<>();
            for (Object cell : row) {
                String value = cell == null ? "" : cell.toString();
                html.append("<td>").append(AlertTemplates.escape(value)).append("</td>");
                cells.add(value);
            }
            html.append("</tr>");
            text.append(String.join("\t", cells)).append('\n');
        });
        html.append("</tbody></table>");
        return new AlertTemplates.Value(text.toString().strip(), html.toString());
    }

    private Map<String, Object> webhookAlert(AlertCheck check, String state, String triggeredAt) {
        AlertRow alert = check.alert();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", alert.id());
        out.put("name", alert.name());
        out.put("options", check.options().values());
        out.put("state", state);
        out.put("last_triggered_at", triggeredAt);
        out.put("updated_at", alert.updatedAt().toString());
        out.put("created_at", alert.createdAt().toString());
        out.put("rearm", alert.rearm());
        out.put("query_id", alert.queryId());
        out.put("user_id", alert.userId());
        return out;
    }

    private String alertUrl(AlertCheck check) {
        return properties.base() + "/alerts/" + check.alert().id();
    }

    private String queryUrl(AlertCheck check) {
        return properties.base() + "/queries/" + check.query().id();
    }
}
