package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ChartShaper;
import io.sightline.common.visualization.CounterOptions;
import io.sightline.common.visualization.CounterValue;
import io.sightline.common.visualization.OptionsValidator;
import io.sightline.common.visualization.PivotOptions;
import io.sightline.common.visualization.PivotTable;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A fresh embedded server shows a visualization for each seed pattern on the demo queries, and each one reads real
 * columns of its query's result and shapes into what it is meant to show.
 */
class DemoVisualizationsTest extends EmbeddedServerTest {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Test
    void everyDemoVisualizationNamesColumnsItsResultHas() {
        for (var entry : DemoVisualizations.BY_QUERY.entrySet()) {
            JsonNode query = query(entry.getKey());
            JsonNode visualizations = query.path("visualizations");
            assertThat(visualizations.get(0).path("type").asString()).as(entry.getKey()).isEqualTo("TABLE");
            ResultData result = run(query);
            assertThat(result.rows()).as(entry.getKey() + " returns rows").isNotEmpty();
            Set<String> columns = new HashSet<>();
            result.columns().forEach(c -> columns.add(c.name()));
            for (var expected : entry.getValue()) {
                JsonNode saved = byName(visualizations, expected.name());
                assertThat(saved.path("type").asString()).isEqualTo(expected.type());
                assertThat(OptionsValidator.validate(expected.type(), options(saved), columns))
                        .as(entry.getKey() + " / " + expected.name()).isEmpty();
            }
        }
    }

    @Test
    void revenueByRegionIsOneBarPerRegion() {
        JsonNode query = query("sales__revenue_by_region__v1");
        ShapedChart chart = ChartShaper.shape(run(query), chart(query, "Revenue by region"));
        assertThat(chart.series()).hasSize(1);
        assertThat(chart.series().get(0).points()).extracting(p -> (String) p.x())
                .containsExactly("AMER", "APAC", "EMEA", "LATAM");
        assertThat(chart.series().get(0).points()).allMatch(p -> p.y() != null && p.y() > 0);
    }

    @Test
    void monthlyTrendOverlaysThePreviousYearPerRegion() {
        JsonNode query = query("sales__monthly_revenue_trend__v1");
        ShapedChart chart = ChartShaper.shape(run(query), chart(query, "Monthly revenue vs the previous year"));
        List<String> names = chart.series().stream().map(ChartSeries::name).toList();
        assertThat(names).contains("EMEA", "EMEA (previous year)").hasSize(8);
        ChartSeries current = chart.series().stream().filter(s -> s.name().equals("EMEA")).findFirst().orElseThrow();
        ChartSeries previous = chart.series().stream().filter(s -> s.name().equals("EMEA (previous year)"))
                .findFirst().orElseThrow();
        assertThat(current.points()).hasSize(12);
        assertThat(previous.points()).hasSize(12);
        assertThat(previous.points().get(0).x()).as("drawn over the current year").isEqualTo(current.points().get(0).x());
        assertThat(chart.notes()).isEmpty();
    }

    @Test
    void counterShowsTheLatestDayAgainstItsTarget() {
        JsonNode query = query("sales__revenue_latest_day_vs_target__v1");
        JsonNode saved = byName(query.path("visualizations"), "Revenue of the latest day vs target");
        CounterValue counter = CounterValue.of(run(query).rows(), new CounterOptions(options(saved)));
        assertThat(counter.value()).isPositive();
        assertThat(counter.target()).isPositive();
        assertThat(counter.text()).startsWith("$").doesNotContain(".");
        assertThat(counter.trend()).isNotEqualTo(CounterValue.Trend.NONE);
    }

    @Test
    void pivotHasFourRegionsByFourOrFiveQuarters() {
        JsonNode query = query("sales__revenue_by_region_and_quarter__v1");
        JsonNode saved = byName(query.path("visualizations"), "Revenue by region and quarter");
        PivotTable pivot = PivotTable.of(run(query).rows(), new PivotOptions(options(saved)));
        assertThat(pivot.rowKeys()).containsExactly(List.of("AMER"), List.of("APAC"), List.of("EMEA"), List.of("LATAM"));
        assertThat(pivot.colKeys().size()).isBetween(4, 5);
        double rows = pivot.rowTotals().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(pivot.grandTotal()).isCloseTo(rows, org.assertj.core.data.Offset.offset(0.01));
    }

    private JsonNode query(String name) {
        JsonNode found = api().get("/api/queries/search?q=" + name).json().path("results");
        assertThat(found.size()).as(name).isGreaterThanOrEqualTo(1);
        return api().get("/api/queries/" + found.get(0).path("id").asLong()).json();
    }

    private ResultData run(JsonNode query) {
        var answer = api().post("/api/queries/" + query.path("id").asLong() + "/results", Map.of("max_age", 0));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode data = new Runs(api()).resultOf(answer).path("data");
        List<ResultColumn> columns = new ArrayList<>();
        data.path("columns").forEach(c -> columns.add(new ResultColumn(c.path("name").asString(),
                c.path("type").asString())));
        List<Map<String, Object>> rows = new ArrayList<>();
        data.path("rows").forEach(r -> rows.add(Api.JSON.convertValue(r, OBJECT)));
        return new ResultData(columns, rows);
    }

    private static ChartOptions chart(JsonNode query, String name) {
        return new ChartOptions(options(byName(query.path("visualizations"), name)));
    }

    private static Map<String, Object> options(JsonNode visualization) {
        return Api.JSON.convertValue(visualization.path("options"), OBJECT);
    }

    private static JsonNode byName(JsonNode visualizations, String name) {
        return visualizations.valueStream().filter(v -> v.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No visualization '" + name + "' in " + visualizations));
    }
}
