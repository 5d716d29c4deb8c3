package io.sightline.server.share;

import static io.sightline.server.share.WidgetFixtures.created;
import static io.sightline.server.share.WidgetFixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A shared chart's {@code y_axes[i].ticks} and {@code x_title} (docs/api.md) are fields of the public widget answer,
 * made from saved options: {@code yAxis[i]} (range, title), {@code numberFormat}, and a {@code BOXPLOT}'s
 * {@code xAxisLabel}. Those options come back unchanged from {@code POST /api/visualizations} and the query's JSON,
 * and the answer's ticks and x title are the ones they make.
 */
class ChartAxesRoundTripTest extends EmbeddedServerTest {

    private static final String CHART = "{\"globalSeriesType\":\"column\",\"numberFormat\":\"$0,0\","
            + "\"columnMapping\":{\"mon\":\"x\",\"revenue\":\"y\",\"orders\":\"y\"},"
            + "\"seriesOptions\":{\"orders\":{\"type\":\"line\",\"yAxis\":1}},"
            + "\"yAxis\":[{\"type\":\"linear\",\"title\":{\"text\":\"Revenue\"},\"rangeMin\":-1000,\"rangeMax\":2000},"
            + "{\"type\":\"linear\",\"opposite\":true,\"title\":{\"text\":\"Orders\"},\"rangeMin\":0,\"rangeMax\":50}]}";
    private static final String BOXPLOT = "{\"xAxisLabel\":\"Month\",\"yAxisLabel\":\"Revenue\"}";

    @Test
    void theSavedAxesComeBackUnchangedAndMakeTheSharedTicksAndXTitle() {
        Api api = api();
        long source = new AccessFixtures(api).privateDataSource();
        long query = created(api.post("/api/queries", Map.of("data_source_id", source,
                "name", AccessFixtures.unique("axes round trip"), "query",
                "SELECT * FROM (VALUES ('Jan', 1000, 12), ('Feb', 1500, 20)) AS t(mon, revenue, orders)")));
        long chart = savedUnchanged(api, query, "CHART", CHART);
        long boxPlot = savedUnchanged(api, query, "BOXPLOT", BOXPLOT);

        long dashboard = created(api.post("/api/dashboards", Map.of("name", AccessFixtures.unique("Axes"))));
        long chartWidget = widget(api, dashboard, chart, 0, 0, 6, 6);
        long boxWidget = widget(api, dashboard, boxPlot, 6, 0, 6, 6);
        var shared = api.post("/api/dashboards/" + dashboard + "/share", Map.of());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        String token = shared.json().path("api_key").asString();

        JsonNode axes = answer(token, chartWidget).path("chart").path("y_axes");
        JsonNode revenue = axes.get(0);
        assertThat(revenue.path("title").asString()).isEqualTo("Revenue");
        assertThat(revenue.path("ticks").path("min").asDouble()).as("the saved rangeMin").isEqualTo(-1000.0);
        assertThat(revenue.path("ticks").path("max").asDouble()).as("the saved rangeMax").isEqualTo(2000.0);
        assertThat(texts(revenue.path("ticks").path("labels"))).as("in $0,0, the minus before the $ as numeral")
                .containsExactly("-$1,000", "$0", "$1,000", "$2,000");
        JsonNode orders = axes.get(1);
        assertThat(orders.path("title").asString()).isEqualTo("Orders");
        assertThat(orders.path("ticks").path("min").asDouble()).isEqualTo(0.0);
        assertThat(orders.path("ticks").path("max").asDouble()).isEqualTo(50.0);
        assertThat(texts(orders.path("ticks").path("labels"))).first().isEqualTo("$0");
        assertThat(texts(orders.path("ticks").path("labels"))).last().isEqualTo("$50");

        JsonNode box = answer(token, boxWidget).path("chart");
        assertThat(box.path("x_title").asString()).as("the saved xAxisLabel").isEqualTo("Month");
        assertThat(box.path("y_axes").get(0).path("title").asString()).isEqualTo("Revenue");
    }

    /** Saves the options and reads them back from the create answer and the query's JSON; the new id. */
    private static long savedUnchanged(Api api, long query, String type, String options) {
        JsonNode sent = Api.JSON.readTree(options);
        var created = api.post("/api/visualizations", "{\"query_id\":" + query + ",\"type\":\"" + type
                + "\",\"name\":\"" + type + "\",\"options\":" + options + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("options")).isEqualTo(sent);
        long id = created.json().path("id").asLong();
        JsonNode listed = api.get("/api/queries/" + query).json().path("visualizations").valueStream()
                .filter(v -> v.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(listed.path("options")).as(type + " options read back from the query").isEqualTo(sent);
        return id;
    }

    /** A widget's public answer once its query has run. */
    private JsonNode answer(String token, long widget) {
        String path = "/api/dashboards/public/" + token + "/widgets/" + widget + "/results";
        var response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> anonymous().get(path), r -> r.status() != 202);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("error")).as(response.toString()).isFalse();
        return response.json();
    }

    private static java.util.List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
