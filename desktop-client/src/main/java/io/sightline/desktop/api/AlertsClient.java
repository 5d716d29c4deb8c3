package io.sightline.desktop.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * One alert and its subscriptions ({@code /api/alerts/{id}...}), over the workbench's transport. Every method
 * blocks: call it from a background task.
 */
public final class AlertsClient {

    private final SightlineClient transport;

    public AlertsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** {@code GET /api/alerts}. */
    public List<AlertSummary> list() {
        return transport.alerts();
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
        return transport.destinations();
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
