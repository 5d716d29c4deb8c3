package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart editor's Series section: each series' own type and colour in Redash's seriesOptions. */
class SeriesOptionsViewModelTest {

    private final VisualizationsClient visualizations = new VisualizationsClient(
            new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY));
    private static final ResultData SALES = new ResultData(List.of(new ResultColumn("quarter", "string"),
            new ResultColumn("revenue", "float"), new ResultColumn("orders", "integer"),
            new ResultColumn("returns", "integer")),
            List.of(Map.of("quarter", "Q1", "revenue", 10.0, "orders", 3, "returns", 1)));

    private VisualizationEditorViewModel editing(Map<String, Object> seriesOptions) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("globalSeriesType", "column");
        options.put("columnMapping", Map.of("quarter", "x", "revenue", "y", "orders", "y", "returns", "y"));
        options.put("seriesOptions", seriesOptions);
        return new VisualizationEditorViewModel(visualizations, Tasks.serialUi(), 1,
                new Visualization(7, "CHART", "Sales", "", options, null, null), SALES, v -> { });
    }

    @Test
    void aSeriesTypeAndColourAreWrittenBesideTheKeysTheFormDoesNotOwn() {
        VisualizationEditorViewModel editor = editing(Map.of("orders", Map.of("yAxis", 1, "zIndex", 2,
                "name", "Orders")));
        SeriesOptionsViewModel series = editor.chart().seriesOptions();
        series.chooseType("orders", "line");
        series.chooseColor("orders", "#ff8800");

        assertThat(editor.options().get("seriesOptions")).as("returns and revenue untouched: no entry")
                .isEqualTo(Map.of("orders", Map.of("yAxis", 1, "zIndex", 2, "name", "Orders", "type", "line",
                        "color", "#ff8800")));
    }

    @Test
    void aSavedTypeAndColourAreReadBackAndTheChartsTypeTakesTheTypeAway() {
        VisualizationEditorViewModel editor = editing(Map.of("revenue", Map.of("type", "area", "color", "#112233")));
        SeriesOptionsViewModel series = editor.chart().seriesOptions();
        assertThat(series.typeOf("revenue")).isEqualTo("area");
        assertThat(series.colorOf("revenue", 0)).isEqualTo("#112233");
        assertThat(series.typeOf("orders")).isEqualTo(SeriesOptionsViewModel.CHART_TYPE);
        assertThat(series.colorOf("orders", 1)).as("Redash's second palette colour").isEqualTo("#e92828");

        series.chooseType("revenue", SeriesOptionsViewModel.CHART_TYPE);
        assertThat(editor.options().get("seriesOptions")).as("the colour kept, the left axis written as Redash does")
                .isEqualTo(Map.of("revenue", Map.of("color", "#112233", "yAxis", 0)));
    }

    @Test
    void anyMixOfTypesAndAxesIsDrawnAsChosenAndOnlySwappedAxesDrawTheChartsTypeAndSaySo() {
        VisualizationEditorViewModel editor = editing(Map.of());
        editor.chart().seriesOptions().chooseType("orders", "line");
        assertThat(editor.warnings()).as("bars and a line on one axis: a combo chart drawn as chosen").isEmpty();

        editor.chart().seriesOptions().chooseType("returns", "area");
        editor.chart().rightAxisSeries().setAll("returns");
        assertThat(editor.warnings()).as("bars and a line on the left, an area on the right").isEmpty();

        editor.chart().horizontalProperty().set(true);
        assertThat(editor.warnings()).contains("Series of another type than the chart's are drawn as the chart's type"
                + " when the axes are swapped; they are saved as chosen.");
    }
}
