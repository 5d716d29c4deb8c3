package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.dashboard.DashboardParameterValues;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** The first embedded start makes one demo dashboard per seed pattern, built on the demo visualizations. */
class DemoDashboardsTest extends EmbeddedServerTest {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Test
    void theScorecardsCountersShowTheirQuerysValuesAndRefreshEveryFiveMinutes() {
        JsonNode scorecard = dashboard(DemoDashboards.SCORECARD);
        assertThat(scorecard.path("options").path("refresh").asInt()).isEqualTo(300);
        assertThat(scorecard.path("tags").get(0).asString()).isEqualTo("demo");
        List<JsonNode> counters = scorecard.path("widgets").valueStream()
                .filter(w -> w.path("visualization").path("type").asString().equals("COUNTER")).toList();
        assertThat(counters).hasSize(5);
        for (JsonNode widget : counters) {
            JsonNode options = widget.path("visualization").path("options");
            JsonNode row = run(widget, Map.of()).path("rows").get(0);
            assertThat(row.path(options.path("counterColName").asString()).isNumber())
                    .as(widget.path("visualization").path("name").asString()).isTrue();
            assertThat(row.path(options.path("targetColName").asString()).isNumber()).isTrue();
        }
        assertThat(scorecard.path("widgets").valueStream().mapToInt(w -> w.path("options").path("position")
                .path("col").asInt() + w.path("options").path("position").path("sizeX").asInt()).max().orElseThrow())
                .as("on the 12-column grid").isEqualTo(12);
    }

    @Test
    void revenueByRegionDrillsThroughToRegionDetailWithTheClickedRegion() {
        JsonNode byRegion = dashboard(DemoDashboards.BY_REGION);
        JsonNode detail = dashboard(DemoDashboards.REGION_DETAIL);
        JsonNode chart = byRegion.path("widgets").valueStream()
                .filter(w -> w.path("visualization").path("type").asString().equals("CHART")).findFirst().orElseThrow();
        JsonNode drill = chart.path("visualization").path("options").path("sightline").path("drillthrough");
        assertThat(drill.path("dashboard").asLong()).isEqualTo(detail.path("id").asLong());
        assertThat(drill.path("parameters").path("region").asString()).isEqualTo("region");

        // what a click on the APAC bar opens: Region detail with p_region=APAC, its widget run for APAC
        var values = DashboardParameterValues.resolve(Api.JSON.convertValue(detail, OBJECT),
                Map.of("p_region", "APAC"));
        assertThat(values.dashboard()).containsEntry("region", "APAC");
        JsonNode top = detail.path("widgets").valueStream().filter(w -> w.has("visualization")).findFirst()
                .orElseThrow();
        Map<String, Object> parameters = values.widgets().get(top.path("id").asLong());
        assertThat(parameters).containsEntry("region", "APAC");
        JsonNode apac = run(top, parameters);
        JsonNode emea = run(top, Map.of("region", "EMEA"));
        assertThat(apac.path("rows").size()).isEqualTo(10);
        assertThat(apac.path("rows")).as("another region, other numbers").isNotEqualTo(emea.path("rows"));
        assertThat(DashboardParameterValues.resolve(Api.JSON.convertValue(detail, OBJECT), Map.of()).dashboard())
                .as("the saved value without a URL").containsEntry("region", "EMEA");
    }

    @Test
    void theTrendAndTheMapUseTheirPatternsVisualizations() {
        JsonNode trend = dashboard(DemoDashboards.TREND);
        assertThat(trend.path("widgets").get(0).path("visualization").path("options").path("sightline")
                .path("comparison").path("period").asString()).isEqualTo("previous_year");
        JsonNode map = dashboard(DemoDashboards.MAP);
        assertThat(map.path("widgets").valueStream().map(w -> w.path("visualization").path("type").asString()))
                .containsExactly("CHOROPLETH", "MAP");
        for (JsonNode widget : map.path("widgets")) {
            assertThat(run(widget, Map.of()).path("rows").size()).isPositive();
        }
    }

    private JsonNode dashboard(String name) {
        JsonNode found = api().get("/api/dashboards?q=" + name.replace(" ", "%20")).json().path("results").valueStream()
                .filter(d -> d.path("name").asString().equals(name)).findFirst().orElseThrow();
        return api().get("/api/dashboards/" + found.path("id").asLong()).json();
    }

    private JsonNode run(JsonNode widget, Map<String, Object> parameters) {
        long query = widget.path("visualization").path("query").path("id").asLong();
        var answer = api().post("/api/queries/" + query + "/results", Map.of("parameters", parameters, "max_age", 0));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return new Runs(api()).resultOf(answer).path("data");
    }
}
