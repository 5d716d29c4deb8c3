package io.sightline.desktop.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Alerts ({@code /api/alerts...}): the list, one alert and its subscriptions, over the workbench's transport. Every
 * method blocks: call it from a background task.
 */
public final class AlertsClient {

    private final SightlineClient transport;

    public AlertsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** {@code GET /api/alerts}: the alerts of the queries the user reaches. */
    public List<AlertSummary> alerts() {
        List<AlertSummary> alerts = new ArrayList<>();
        for (JsonNode alert : transport.get(transport.url("api/alerts"))) {
            alerts.add(alertSummary(alert));
        }
        return alerts;
    }

    /** {@code POST /api/alerts}: {@code options} as Redash's ({@code column, op, value, selector...}). */
    public AlertSummary createAlert(String name, long queryId, Map<String, Object> options) {
        return createAlert(name, queryId, options, null);
    }

    /** @param rearm seconds between re-notifications while triggered, or null for none */
    public AlertSummary createAlert(String name, long queryId, Map<String, Object> options, Integer rearm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("query_id", queryId);
        body.put("options", options);
        body.put("rearm", rearm);
        return alertSummary(transport.post(transport.url("api/alerts"), body));
    }

    /** {@code POST|DELETE /api/alerts/{id}/mute}. */
    public AlertSummary muteAlert(long id, boolean muted) {
        HttpUrl url = transport.url("api/alerts/" + id + "/mute");
        return alertSummary(muted ? transport.post(url, Map.of()) : transport.delete(url));
    }

    public AlertDetail alert(long id) {
        return detail(transport.get(transport.url("api/alerts/" + id)));
    }

    /**
     * {@code POST /api/alerts/{id}}: the name, the options (replacing the stored ones as a whole) and the rearm.
     *
     * @param rearm seconds between re-notifications while triggered, or null for none
     */
    public AlertDetail update(long id, String name, Map<String, Object> options, Integer rearm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("options", options);
        body.put("rearm", rearm);
        return detail(transport.post(transport.url("api/alerts/" + id), body));
    }

    public void delete(long id) {
        transport.delete(transport.url("api/alerts/" + id));
    }

    public List<AlertSubscription> subscriptions(long alertId) {
        List<AlertSubscription> out = new ArrayList<>();
        for (JsonNode subscription : transport.get(transport.url("api/alerts/" + alertId + "/subscriptions"))) {
            out.add(subscription(subscription));
        }
        return out;
    }

    /** @param destinationId the destination to notify, or null for the caller's own email (the server's mail) */
    public AlertSubscription subscribe(long alertId, Long destinationId) {
        Map<String, Object> body = destinationId == null ? Map.of() : Map.of("destination_id", destinationId);
        return subscription(transport.post(transport.url("api/alerts/" + alertId + "/subscriptions"), body));
    }

    public void unsubscribe(long alertId, long subscriptionId) {
        transport.delete(transport.url("api/alerts/" + alertId + "/subscriptions/" + subscriptionId));
    }

    /** {@code GET /api/destinations}: what one may subscribe through. */
    public List<DestinationSummary> destinations() {
        return new DestinationsClient(transport).destinations();
    }

    private static AlertSummary alertSummary(JsonNode alert) {
        JsonNode last = alert.path("last_triggered_at");
        return new AlertSummary(alert.path("id").asLong(), alert.path("name").asString(),
                alert.path("query").path("name").asString(), alert.path("state").asString(),
                last.isNull() || last.isMissingNode() ? null : last.asString(),
                alert.path("options").path("muted").asBoolean());
    }

    private static AlertDetail detail(JsonNode alert) {
        JsonNode last = alert.path("last_triggered_at");
        JsonNode rearm = alert.path("rearm");
        Map<String, Object> options = alert.path("options").isObject()
                ? SightlineClient.JSON.convertValue(alert.path("options"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return new AlertDetail(alert.path("id").asLong(), alert.path("name").asString(), options,
                alert.path("state").asString(), last.isNull() || last.isMissingNode() ? null : last.asString(),
                rearm.isNumber() ? rearm.asInt() : null, alert.path("query").path("id").asLong(),
                alert.path("query").path("name").asString());
    }

    private static AlertSubscription subscription(JsonNode subscription) {
        JsonNode user = subscription.path("user");
        JsonNode destination = subscription.path("destination");
        return new AlertSubscription(subscription.path("id").asLong(),
                new AlertSubscription.Subscriber(user.path("id").asLong(), user.path("name").asString(""),
                        user.path("email").asString("")),
                destination.isObject() ? new DestinationSummary(destination.path("id").asLong(),
                        destination.path("name").asString(), destination.path("type").asString(), null) : null);
    }
}
