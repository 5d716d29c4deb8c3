package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A heatmap of known values: its cells, where they are, their colours and labels. */
class HeatmapChartTest {

    private static final ResultData ORDERS = RendererFx.result(List.of(new ResultColumn("hour", "integer"),
                    new ResultColumn("weekday", "string"), new ResultColumn("orders", "integer")),
            new Object[] {9, "Mon", 20}, new Object[] {10, "Mon", 40}, new Object[] {11, "Mon", 0},
            new Object[] {9, "Tue", 100}, new Object[] {10, "Tue", 60});

    private static final Map<String, Object> OPTIONS = Map.of("globalSeriesType", "heatmap", "showDataLabels", true,
            "columnMapping", Map.of("hour", "x", "weekday", "y", "orders", "zVal"));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsACellPerWeekdayAndHourColouredFromTheSmallestToTheLargest() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, ORDERS);

        List<Node> cells = RendererFx.all(root, "heatmap-cell");
        assertThat(cells).as("2 weekdays × 3 hours, Tue 11:00 as 0").hasSize(6);
        Label tueNine = cell(cells, "100");
        Label monNine = cell(cells, "20");
        assertThat(tueNine.getProperties().get(HeatmapChart.FILL)).as("the largest: the scheme's red end")
                .isEqualTo("#e92827");
        assertThat(cells.stream().filter(c -> "#356aff".equals(c.getProperties().get(HeatmapChart.FILL))))
                .as("the two zeros: the blue end").hasSize(2);
        Bounds tue = RendererFx.fx(() -> tueNine.localToScene(tueNine.getBoundsInLocal()));
        Bounds mon = RendererFx.fx(() -> monNine.localToScene(monNine.getBoundsInLocal()));
        assertThat(mon.getMinY()).as("the first weekday at the bottom").isGreaterThan(tue.getMaxY() - 1);
        assertThat(mon.getMinX()).as("same hour, same column").isEqualTo(tue.getMinX());
        assertThat(tue.getWidth()).as("the cells fill the chart").isGreaterThan(100);
        assertThat(RendererFx.all(root, "heatmap-x-label").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("9", "10", "11");
    }

    private static Label cell(List<Node> cells, String text) {
        return cells.stream().map(Label.class::cast).filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
    }
}
