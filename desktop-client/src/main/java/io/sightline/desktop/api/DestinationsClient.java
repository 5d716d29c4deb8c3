package io.sightline.desktop.api;

import io.sightline.common.api.datasource.DataSourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Alert destinations ({@code /api/destinations...}), over the workbench's transport. Every method blocks: call it
 * from a background task.
 */
public final class DestinationsClient {

    private final SightlineClient transport;

    public DestinationsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** {@code GET /api/destinations/types}: the same schema form as data source types. */
    public List<DataSourceType> destinationTypes() {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/destinations/types")),
                new TypeReference<List<DataSourceType>>() { });
    }

    public List<DestinationSummary> destinations() {
        List<DestinationSummary> out = new ArrayList<>();
        for (JsonNode d : transport.get(transport.url("api/destinations"))) {
            out.add(destination(d));
        }
        return out;
    }

    public DestinationSummary destination(long id) {
        return destination(transport.get(transport.url("api/destinations/" + id)));
    }

    /** Creates ({@code id} null) or updates a destination. */
    public DestinationSummary saveDestination(Long id, String name, String type, Map<String, Object> options) {
        Map<String, Object> body = Map.of("name", name, "type", type, "options", options);
        return destination(transport.post(transport.url(id == null ? "api/destinations" : "api/destinations/" + id),
                body));
    }

    public void deleteDestination(long id) {
        transport.delete(transport.url("api/destinations/" + id));
    }

    /** @return null when the test notification was delivered, else why not */
    public String testDestination(long id) {
        JsonNode answer = transport.post(transport.url("api/destinations/" + id + "/test"), Map.of());
        return answer.path("ok").asBoolean() ? null : answer.path("message").asString("the test failed");
    }

    private static DestinationSummary destination(JsonNode d) {
        Map<String, Object> options = d.has("options")
                ? SightlineClient.JSON.convertValue(d.path("options"), new TypeReference<Map<String, Object>>() { })
                : null;
        return new DestinationSummary(d.path("id").asLong(), d.path("name").asString(), d.path("type").asString(),
                options);
    }
}
