package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A box plot zooms as the other charts do (the wheel shows fewer stores and a narrower range of values, a double click
 * everything again), and draws on a logarithmic value axis when {@code yAxis[0]} is one.
 */
class BoxPlotZoomTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theWheelShowsFewerStoresAndANarrowerRangeOfValuesAndADoubleClickAllAgain() throws Exception {
        XYChart<?, ?> chart = show(Map.of());
        CategoryAxis stores = (CategoryAxis) chart.getXAxis();
        ValueAxis<?> values = (ValueAxis<?>) chart.getYAxis();
        List<String> all = RendererFx.fx(() -> List.copyOf(stores.getCategories()));
        double[] range = range(values);
        Point2D at = plotPoint(chart, 0.5, 0.5);

        new FxRobot().moveTo(at).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = RendererFx.fx(() -> List.copyOf(stores.getCategories()));
        assertThat(shown.size()).as("fewer stores").isBetween(2, all.size() * 6 / 10);
        assertThat(boxes(chart)).as("a box for each store in view alone").isEqualTo(shown.size());
        double[] zoomed = range(values);
        assertThat(zoomed[1] - zoomed[0]).as("a narrower range of values").isLessThan((range[1] - range[0]) * 0.7);

        new FxRobot().doubleClickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RendererFx.fx(() -> List.copyOf(stores.getCategories()))).isEqualTo(all);
        assertThat(range(values)).as("the whole range again").containsExactly(range);
        assertThat(boxes(chart)).isEqualTo(all.size());
    }

    @Test
    void aLogarithmicValueAxisHasTicksAtPowersOfTenAndLeavesOutValuesAtOrBelowZero() throws Exception {
        Map<String, Object> log = Map.of("yAxis", List.of(Map.of("type", "logarithmic")));
        XYChart<?, ?> chart = show(log);
        ValueAxis<?> values = (ValueAxis<?>) chart.getYAxis();
        assertThat(values).isInstanceOf(LogarithmicAxis.class);
        List<Double> ticks = RendererFx.fx(() -> values.getTickMarks().stream()
                .map(t -> ((Number) t.getValue()).doubleValue()).toList());
        assertThat(ticks).as("ticks").isNotEmpty().allSatisfy(tick -> assertThat(Math.log10(tick))
                .as("a power of ten: " + tick).isEqualTo(Math.rint(Math.log10(tick))));
        assertThat(ticks).as("the values run from 1 to 1,000").contains(1.0, 10.0, 100.0, 1000.0);
        // equal ratios, equal lengths: 1 to 10 as long as 10 to 100
        double one = position(values, 1);
        double ten = position(values, 10);
        double hundred = position(values, 100);
        assertThat(one - ten).isPositive().isCloseTo(ten - hundred, org.assertj.core.api.Assertions.within(0.5));
        Parent pane = RendererFx.fx(() -> chart.getParent());
        Label notes = (Label) RendererFx.fx(() -> pane.lookup("#chart-notes"));
        assertThat(notes).as("the note on the values left out").isNotNull();
        assertThat(notes.getText()).startsWith("2 values at or below zero left out");
    }

    /** Ten stores, each with values from 1 to about 1,000; store 01 also a 0 and a -5. */
    private static XYChart<?, ?> show(Map<String, Object> extra) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int store = 1; store <= 10; store++) {
            for (int i = 0; i < 12; i++) {
                rows.add(new Object[] {String.format("store %02d", store), Math.pow(10, (i + store % 3) / 4.5)});
            }
        }
        rows.add(new Object[] {"store 01", 0.0});
        rows.add(new Object[] {"store 01", -5.0});
        ResultData result = RendererFx.result(List.of(new ResultColumn("store", "string"),
                new ResultColumn("basket", "float")), rows.toArray(Object[][]::new));
        Map<String, Object> options = new HashMap<>(Map.of("globalSeriesType", "box",
                "columnMapping", Map.of("store", "x", "basket", "y")));
        options.putAll(extra);
        Parent root = RendererFx.show(new ChartRenderer(), options, result);
        return (XYChart<?, ?>) RendererFx.fx(() -> root.lookup("#chart-box"));
    }

    private static double[] range(ValueAxis<?> axis) {
        return RendererFx.fx(() -> new double[] {axis.getLowerBound(), axis.getUpperBound()});
    }

    @SuppressWarnings("unchecked")
    private static double position(ValueAxis<?> axis, double value) {
        return RendererFx.fx(() -> ((ValueAxis<Number>) axis).getDisplayPosition(value));
    }

    private static int boxes(XYChart<?, ?> chart) {
        return RendererFx.fx(() -> (int) chart.lookupAll(".box-plot-box").stream()
                .filter(n -> n.getScene() != null && n.isVisible()).count());
    }

    private static Point2D plotPoint(XYChart<?, ?> chart, double fx, double fy) {
        Bounds plot = RendererFx.fx(() -> {
            Node background = chart.lookup(".chart-plot-background");
            return background.localToScreen(background.getLayoutBounds());
        });
        return new Point2D(plot.getMinX() + plot.getWidth() * fx, plot.getMinY() + plot.getHeight() * fy);
    }
}
