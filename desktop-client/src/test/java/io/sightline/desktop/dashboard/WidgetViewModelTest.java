package io.sightline.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.dashboard.DashboardParameterValues;
import io.sightline.desktop.api.DashboardsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dashboard's widget JSON (Redash's shape) read into what the grid places and what the query runs with. */
class WidgetViewModelTest {

    @Test
    void aVisualizationWidgetCarriesItsPlaceTypeAndTheParameterValuesItsQueryRunsWith() {
        // days mapped to a static 30, region unmapped (widget-level: the query's own value)
        Map<String, Object> widget = Map.of("id", 7, "options", Map.of(
                        "position", Map.of("col", 4, "row", 5, "sizeX", 8, "sizeY", 7),
                        "parameterMappings", Map.of("days", Map.of("name", "days", "type", "static-value",
                                "mapTo", "days", "value", 30))),
                "visualization", Map.of("id", 3, "type", "CHART", "name", "Daily revenue", "options",
                        Map.of("globalSeriesType", "line"), "query", Map.of("id", 11, "name", "daily",
                                "options", Map.of("parameters", List.of(
                                        Map.of("name", "days", "type", "number", "value", 7),
                                        Map.of("name", "region", "type", "text", "value", "EU"))))));

        Dashboard dashboard = new Dashboard(1, "d", "d", 1, null, List.of(), false, List.of(widget), Map.of(), false,
                false, List.of(), null, null, 1, true, false);
        WidgetViewModel model = WidgetViewModel.of(widget, DashboardParameterValues.resolve(DashboardsClient.json(dashboard), Map.of()).widgets().get(7L));

        assertThat(model.kind()).isEqualTo(WidgetViewModel.Kind.VISUALIZATION);
        assertThat(model.position()).isEqualTo(new WidgetViewModel.Position(4, 5, 8, 7));
        assertThat(model.title()).isEqualTo("Daily revenue");
        assertThat(model.type()).isEqualTo("CHART");
        assertThat(model.queryId()).isEqualTo(11L);
        assertThat(model.parameters()).isEqualTo(Map.of("days", 30, "region", "EU"));
    }

    @Test
    void restrictedAndTextWidgetsAreToldApart() {
        WidgetViewModel restricted = WidgetViewModel.of(Map.of("id", 1, "restricted", true, "options",
                Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 6, "sizeY", 4))), null);
        WidgetViewModel text = WidgetViewModel.of(Map.of("id", 2, "text", "# Hello", "options", Map.of()), null);

        assertThat(restricted.kind()).isEqualTo(WidgetViewModel.Kind.RESTRICTED);
        assertThat(restricted.queryId()).isNull();
        assertThat(text.kind()).isEqualTo(WidgetViewModel.Kind.TEXT);
        assertThat(text.text()).isEqualTo("# Hello");
        assertThat(text.position()).as("Redash's defaults when none is saved").isEqualTo(
                new WidgetViewModel.Position(0, 0, 3, 3));
    }

    @Test
    void theAutoRefreshChoicesAreRedashsFromAMinuteToADay() {
        assertThat(DashboardViewModel.REFRESH_INTERVALS.stream().map(DashboardViewModel::intervalLabel).toList())
                .containsExactly("1 minute", "5 minutes", "10 minutes", "30 minutes", "1 hour", "12 hours", "1 day");
        assertThat(DashboardViewModel.intervalLabel(0)).isEqualTo("Never");
    }
}
