package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Redash's axis options drawn: logarithmic scales, fixed ranges, titles. */
class ChartAxesTest {

    private static final ResultData GROWTH = RendererFx.result(List.of(new ResultColumn("day", "integer"),
                    new ResultColumn("users", "float")),
            new Object[] {1, 1.0}, new Object[] {2, 10.0}, new Object[] {3, 100.0}, new Object[] {4, 1000.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Map<String, Object> options(String type, Object... more) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("globalSeriesType", type);
        options.put("columnMapping", Map.of("day", "x", "users", "y"));
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return options;
    }

    private static List<Object> logY(Object... more) {
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("type", "logarithmic");
        for (int i = 0; i < more.length; i += 2) {
            left.put((String) more[i], more[i + 1]);
        }
        return List.of(left, Map.of("type", "linear", "opposite", true));
    }

    /** The points' (or bars' tops') heights on the screen, in the order drawn. */
    private static List<Double> tops(XYChart<?, ?> chart) {
        return RendererFx.fx(() -> {
            List<Double> ys = new ArrayList<>();
            for (XYChart.Data<?, ?> data : chart.getData().get(0).getData()) {
                Bounds b = data.getNode().localToScene(data.getNode().getBoundsInLocal());
                ys.add(chart.getStyleClass().contains("bar-chart") || data.getNode().getStyleClass()
                        .contains("chart-bar") ? b.getMinY() : b.getCenterY());
            }
            return ys;
        });
    }

    @Test
    void onALogarithmicYAxisOneTenAHundredAndAThousandAreEvenlySpaced() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("line", "yAxis", logY()), GROWTH);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");
        List<Double> ys = tops(chart);

        double step = ys.get(0) - ys.get(1);
        assertThat(step).as("10 drawn well above 1").isGreaterThan(50);
        assertThat(ys.get(1) - ys.get(2)).as("100 above 10 by as much").isCloseTo(step, within(1.0));
        assertThat(ys.get(2) - ys.get(3)).as("1000 above 100 by as much").isCloseTo(step, within(1.0));
        Bounds plot = RendererFx.fx(() -> chart.lookup(".chart-plot-background").localToScene(
                chart.lookup(".chart-plot-background").getLayoutBounds()));
        assertThat(ys.get(3)).as("1000 inside the plot").isBetween(plot.getMinY() - 1, plot.getMaxY());
        assertThat(ys.get(0)).as("1 inside the plot").isBetween(plot.getMinY(), plot.getMaxY() + 1);
        List<Number> ticks = RendererFx.fx(() -> chart.getYAxis().getTickMarks().stream()
                .map(t -> (Number) t.getValue()).toList());
        assertThat(ticks).as("ticks at the powers of ten").extracting(Number::doubleValue)
                .containsExactly(1.0, 10.0, 100.0, 1000.0);
    }

    @Test
    void barsOnALogarithmicAxisRiseByEqualStepsPerPowerOfTen() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("column", "yAxis", logY()), GROWTH);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-bars");
        List<Double> ys = tops(chart);

        double step = ys.get(1) - ys.get(2);
        assertThat(step).isGreaterThan(50);
        assertThat(ys.get(2) - ys.get(3)).isCloseTo(step, within(1.0));
    }

    @Test
    void onALogarithmicXAxisTheDaysOneTenAndAHundredAreEvenlySpaced() throws Exception {
        ResultData sizes = RendererFx.result(List.of(new ResultColumn("day", "integer"),
                new ResultColumn("users", "float")), new Object[] {1, 5.0}, new Object[] {10, 6.0},
                new Object[] {100, 7.0});
        Parent root = RendererFx.show(new ChartRenderer(), options("scatter", "xAxis",
                Map.of("type", "logarithmic")), sizes);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-scatter");
        List<Double> xs = RendererFx.fx(() -> chart.getData().get(0).getData().stream().map(d -> {
            Node n = d.getNode();
            return n.localToScene(n.getBoundsInLocal()).getCenterX();
        }).toList());

        assertThat(xs.get(1) - xs.get(0)).isGreaterThan(50);
        assertThat(xs.get(2) - xs.get(1)).isCloseTo(xs.get(1) - xs.get(0), within(1.0));
    }

    @Test
    void valuesAtOrBelowZeroAreLeftOutOfALogarithmicAxisAndTheChartSaysSo() throws Exception {
        ResultData withZero = RendererFx.result(List.of(new ResultColumn("day", "integer"),
                new ResultColumn("users", "float")), new Object[] {1, 0.0}, new Object[] {2, 10.0},
                new Object[] {3, -5.0}, new Object[] {4, 1000.0});
        Parent root = RendererFx.show(new ChartRenderer(), options("line", "yAxis", logY()), withZero);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-line");

        assertThat(RendererFx.fx(() -> chart.getData().get(0).getData().size())).as("10 and 1000 drawn").isEqualTo(2);
        assertThat(RendererFx.fx(() -> ((Label) root.lookup("#chart-notes")).getText()))
                .contains("2 values at or below zero left out: a logarithmic axis cannot place them");
    }

    @Test
    void aRangeFixesTheAxisBoundsAndABlankBoundStaysAutomatic() throws Exception {
        Parent both = RendererFx.show(new ChartRenderer(), options("line", "yAxis",
                logY("rangeMin", 0.1, "rangeMax", 100000)), GROWTH);
        ValueAxis<?> log = (ValueAxis<?>) ((XYChart<?, ?>) both.lookup("#chart-line")).getYAxis();
        assertThat(RendererFx.fx(() -> new double[] {log.getLowerBound(), log.getUpperBound()}))
                .containsExactly(0.1, 100000.0);
        FxToolkit.cleanupStages();

        Parent maxOnly = RendererFx.show(new ChartRenderer(), options("column", "yAxis",
                List.of(Map.of("type", "linear", "rangeMax", 5000), Map.of("type", "linear"))), GROWTH);
        ValueAxis<?> linear = (ValueAxis<?>) ((XYChart<?, ?>) maxOnly.lookup("#chart-bars")).getYAxis();
        assertThat(RendererFx.fx(() -> new double[] {linear.getLowerBound(), linear.getUpperBound()}))
                .as("the max as set, the min the data's (bars from zero)").containsExactly(0.0, 5000.0);
    }

    @Test
    void theAxesCarryTheirTitles() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("column",
                "xAxis", Map.of("type", "-", "title", Map.of("text", "Day of trial")),
                "yAxis", logY("title", Map.of("text", "Active users"))), GROWTH);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-bars");
        assertThat(RendererFx.fx(() -> chart.getXAxis().getLabel())).isEqualTo("Day of trial");
        assertThat(RendererFx.fx(() -> chart.getYAxis().getLabel())).isEqualTo("Active users");
        assertThat(RendererFx.fx(() -> chart.getXAxis().lookup(".axis-label").isVisible())).isTrue();
    }

    @Test
    void theWheelZoomsALogarithmicAxisInPowersOfTenKeepingItAboveZero() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), options("scatter", "yAxis", logY()), GROWTH);
        XYChart<?, ?> chart = (XYChart<?, ?>) root.lookup("#chart-scatter");
        @SuppressWarnings("unchecked")
        ValueAxis<Number> y = (ValueAxis<Number>) chart.getYAxis();
        assertThat(y).isInstanceOf(LogarithmicAxis.class);
        Node plot = chart.lookup(".chart-plot-background");
        Bounds area = RendererFx.fx(() -> plot.localToScreen(plot.getLayoutBounds()));
        Point2D at = new Point2D(area.getMinX() + area.getWidth() / 2, area.getMinY() + area.getHeight() / 2);
        double valueAt = RendererFx.fx(() -> y.getValueForDisplay(y.screenToLocal(at).getY()).doubleValue());

        new FxRobot().moveTo(at).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        double lower = RendererFx.fx(y::getLowerBound);
        double upper = RendererFx.fx(y::getUpperBound);
        assertThat(lower).as("still above zero").isGreaterThan(0);
        assertThat(Math.log10(upper / lower)).as("fewer decades in view than the three before")
                .isLessThan(3 * 0.6);
        assertThat(RendererFx.fx(() -> y.getValueForDisplay(y.screenToLocal(at).getY()).doubleValue()))
                .as("the value under the pointer stays under it").isCloseTo(valueAt, within(valueAt * 0.02));
    }

    @Test
    void aScatterPastThePointBudgetIsDrawnOnChartFxsLogarithmicAxisWithoutItsZeros() throws Exception {
        int n = ChartRenderer.DEFAULT_POINT_BUDGET + 1_000;
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[] {i, i % 5 == 4 ? 0.0 : Math.pow(10, i % 5)}; // 1, 10, 100, 1000, 0
        }
        ResultData many = RendererFx.result(List.of(new ResultColumn("day", "integer"),
                new ResultColumn("users", "float")), rows);
        Parent root = RendererFx.show(new ChartRenderer(), options("scatter", "yAxis",
                logY("title", Map.of("text", "Users"))), many);
        io.fair_acc.chartfx.XYChart chart = (io.fair_acc.chartfx.XYChart) root.lookup("#chart-large-scatter");
        io.fair_acc.chartfx.axes.Axis y = chart.getYAxis();

        assertThat(RendererFx.fx(() -> chart.getAllDatasets().get(0).getDataCount())).isEqualTo(n - n / 5);
        List<Double> at = RendererFx.fx(() -> List.of(y.getDisplayPosition(1), y.getDisplayPosition(10),
                y.getDisplayPosition(100), y.getDisplayPosition(1000)));
        assertThat(at.get(0) - at.get(1)).isGreaterThan(50);
        assertThat(at.get(1) - at.get(2)).isCloseTo(at.get(0) - at.get(1), within(1.0));
        assertThat(at.get(2) - at.get(3)).isCloseTo(at.get(0) - at.get(1), within(1.0));
        assertThat(RendererFx.fx(y::getName)).isEqualTo("Users");
        assertThat(RendererFx.fx(() -> ((Label) root.lookup("#chart-notes")).getText()))
                .contains(String.format(java.util.Locale.ROOT, "%,d values at or below zero left out", n / 5));
    }

    @Test
    void theRightAxisTakesItsOwnLogarithmicScaleTitleAndRange() throws Exception {
        ResultData two = RendererFx.result(List.of(new ResultColumn("day", "integer"),
                new ResultColumn("users", "float"), new ResultColumn("revenue", "float")),
                new Object[] {1, 5.0, 1.0}, new Object[] {2, 6.0, 10.0}, new Object[] {3, 7.0, 100.0});
        Map<String, Object> options = options("line", "yAxis", List.of(Map.of("type", "linear"),
                Map.of("type", "logarithmic", "title", Map.of("text", "Revenue"), "rangeMin", 1, "rangeMax", 1000,
                        "opposite", true)),
                "seriesOptions", Map.of("revenue", Map.of("yAxis", 1)));
        options.put("columnMapping", Map.of("day", "x", "users", "y", "revenue", "y"));
        Parent root = RendererFx.show(new ChartRenderer(), options, two);
        XYChart<?, ?> right = (XYChart<?, ?>) root.lookup("#chart-right-axis");
        ValueAxis<?> axis = (ValueAxis<?>) right.getYAxis();

        assertThat(axis).isInstanceOf(LogarithmicAxis.class);
        assertThat(RendererFx.fx(axis::getLabel)).isEqualTo("Revenue");
        assertThat(RendererFx.fx(() -> new double[] {axis.getLowerBound(), axis.getUpperBound()}))
                .containsExactly(1.0, 1000.0);
        List<Double> ys = tops(right);
        assertThat(ys.get(0) - ys.get(1)).isGreaterThan(50);
        assertThat(ys.get(1) - ys.get(2)).isCloseTo(ys.get(0) - ys.get(1), within(1.0));
    }
}
