package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Lines, areas and scatters name the point under the pointer in a tooltip, as bars do. */
class XyHoverTest {

    private static final ResultData SALES = RendererFx.result(java.util.List.of(new ResultColumn("day", "date"),
                    new ResultColumn("shop", "float"), new ResultColumn("web", "float")),
            new Object[] {"2024-03-01", 100.0, 40.0}, new Object[] {"2024-03-02", 250.0, 60.0},
            new Object[] {"2024-03-03", 180.0, 90.0}, new Object[] {"2024-03-04", 120.0, 30.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theLinesPointUnderThePointerIsNamedWithItsDateAndValueAndNothingFarFromAPoint() throws Exception {
        XYChart<?, ?> chart = show(Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("day", "x", "shop", "y", "web", "y")));
        FxRobot robot = new FxRobot();

        robot.moveTo(onScreen(chart, "2024-03-02", 250.0));
        assertThat(RendererFx.shownTooltip()).isEqualTo("shop \u00B7 02/03/24 00:00: 250");
        robot.moveTo(onScreen(chart, "2024-03-03", 90.0));
        assertThat(RendererFx.shownTooltip()).isEqualTo("web \u00B7 03/03/24 00:00: 90");

        Bounds plot = RendererFx.fx(() -> plot(chart).localToScreen(plot(chart).getLayoutBounds()));
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.4, plot.getMinY() + 4));
        Thread.sleep(300);
        assertThat(RendererFx.showingTooltip()).as("no point near the top of the plot: no tooltip").isNull();
    }

    @Test
    void aStackedAreasTooltipIsAtTheTopOfItsBandAndSaysItsOwnValue() throws Exception {
        XYChart<?, ?> chart = show(Map.of("globalSeriesType", "area", "series", Map.of("stacking", "stack"),
                "columnMapping", Map.of("day", "x", "shop", "y", "web", "y")));

        // web over shop on the 2nd: its band's top is 250 + 60
        new FxRobot().moveTo(onScreen(chart, "2024-03-02", 310.0));
        assertThat(RendererFx.shownTooltip()).isEqualTo("web \u00B7 02/03/24 00:00: 60");
    }

    private static XYChart<?, ?> show(Map<String, Object> options) throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options, SALES);
        return (XYChart<?, ?>) RendererFx.fx(() -> root.lookup(".chart"));
    }

    private static Node plot(XYChart<?, ?> chart) {
        return chart.lookup(".chart-plot-background");
    }

    /** Where a day's value is drawn, on the screen. */
    @SuppressWarnings("unchecked")
    private static Point2D onScreen(XYChart<?, ?> chart, String day, double value) {
        return RendererFx.fx(() -> {
            double millis = java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    .toEpochMilli();
            double x = ((Axis<Object>) chart.getXAxis()).getDisplayPosition(millis);
            double y = ((Axis<Object>) chart.getYAxis()).getDisplayPosition(value);
            return plot(chart).localToScreen(x, y);
        });
    }
}
