package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.util.HashMap;
import java.util.Map;

/** What the shared-page browser tests build through the API: a query, its visualization, a widget at a place. */
final class WidgetFixtures {

    private WidgetFixtures() {
    }

    static long query(Api api, long source, String name, String sql) {
        return created(api.post("/api/queries", Map.of("data_source_id", source, "name", name, "query", sql)));
    }

    static long viz(Api api, long query, String type, String name, Map<String, Object> options) {
        return created(api.post("/api/visualizations", Map.of("query_id", query, "type", type, "name", name,
                "options", options)));
    }

    static long widget(Api api, long dashboard, long viz, int col, int row, int sizeX, int sizeY) {
        var body = new HashMap<String, Object>();
        body.put("dashboard_id", dashboard);
        body.put("visualization_id", viz);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", row, "sizeX", sizeX, "sizeY", sizeY)));
        return created(api.post("/api/widgets", body));
    }

    /** The id of what a POST made, after checking it answered 200. */
    static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
