package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A bubble chart sizes each point by its size column, as Redash's plotly does. */
class BubbleChartTest {

    private static final ResultData STORES = RendererFx.result(List.of(new ResultColumn("visits", "integer"),
                    new ResultColumn("revenue", "float"), new ResultColumn("staff", "integer")),
            new Object[] {100, 1000.0, 10}, new Object[] {200, 3000.0, 40});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void eachBubbleIsAsWideAsItsSizeTimesTheCoefficient() throws Exception {
        List<Double> widths = widths(Map.of("globalSeriesType", "bubble", "coefficient", 1.5,
                "columnMapping", Map.of("visits", "x", "revenue", "y", "staff", "size")));

        assertThat(widths.get(0)).as("10 staff × 1.5").isCloseTo(15.0, within(1.0));
        assertThat(widths.get(1)).as("40 staff × 1.5").isCloseTo(60.0, within(1.0));
    }

    @Test
    void inAreaModeTheSizeIsTheBubblesAreaSoItsWidthIsTheSquareRoot() throws Exception {
        List<Double> widths = widths(Map.of("globalSeriesType", "bubble", "sizemode", "area", "coefficient", 100,
                "columnMapping", Map.of("visits", "x", "revenue", "y", "staff", "size")));

        assertThat(widths.get(1) / widths.get(0)).as("4 times the size (1,000 and 4,000 px²), twice as wide").isCloseTo(2.0, within(0.1));
    }

    @Test
    void aScatterKeepsItsSmallSymbols() throws Exception {
        List<Double> widths = widths(Map.of("globalSeriesType", "scatter",
                "columnMapping", Map.of("visits", "x", "revenue", "y", "staff", "size")));

        assertThat(widths).allSatisfy(w -> assertThat(w).isLessThan(14.0));
    }

    private static List<Double> widths(Map<String, Object> options) throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options, STORES);
        XYChart<?, ?> chart = (XYChart<?, ?>) RendererFx.fx(() -> root.lookup(".chart"));
        return RendererFx.fx(() -> chart.getData().get(0).getData().stream()
                .map(d -> d.getNode().getBoundsInParent().getWidth()).toList());
    }
}
