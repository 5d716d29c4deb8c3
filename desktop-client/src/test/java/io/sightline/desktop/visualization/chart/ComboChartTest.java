package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Redash's combo charts: series of their own types, on one value axis or on a second, right one. */
class ComboChartTest {

    private static final ResultData REGIONS = RendererFx.result(List.of(new ResultColumn("region", "string"),
                    new ResultColumn("revenue", "float"), new ResultColumn("margin", "float")),
            new Object[] {"APAC", 12000.0, 0.25}, new Object[] {"EMEA", 30000.0, 0.10},
            new Object[] {"LATAM", 6000.0, 0.40});

    private static final ResultData TARGETS = RendererFx.result(List.of(new ResultColumn("region", "string"),
                    new ResultColumn("revenue", "float"), new ResultColumn("target", "float"),
                    new ResultColumn("margin", "float")),
            new Object[] {"APAC", 12000.0, 15000.0, 0.25}, new Object[] {"EMEA", 30000.0, 40000.0, 0.10},
            new Object[] {"LATAM", 6000.0, 5000.0, 0.40});

    private static final Map<String, Object> OPTIONS = Map.of("globalSeriesType", "column",
            "columnMapping", Map.of("region", "x", "revenue", "y", "margin", "y"),
            "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1)),
            "yAxis", List.of(Map.of("type", "linear"), Map.of("type", "linear", "title", Map.of("text", "Margin"))));

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Revenue as bars and its target as a line on the left axis, the margin as a line on the right one. */
    private static final Map<String, Object> BARS_AND_TARGET_LEFT_MARGIN_RIGHT = Map.of("globalSeriesType", "column",
            "columnMapping", Map.of("region", "x", "revenue", "y", "target", "y", "margin", "y"),
            "seriesOptions", Map.of("target", Map.of("type", "line"),
                    "margin", Map.of("type", "line", "yAxis", 1)));

    @Test
    void drawsTheLineAgainstItsOwnAxisOnTheRightAtTheSameXAsTheBars() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), OPTIONS, REGIONS);

        XYChart<?, ?> left = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> right = (XYChart<?, ?>) root.lookup("#chart-right-axis");
        assertThat(left).as("bars on the left axis").isInstanceOf(javafx.scene.chart.BarChart.class);
        assertThat(right).as("the margin line on the right axis").isInstanceOf(javafx.scene.chart.LineChart.class);
        NumberAxis leftAxis = (NumberAxis) left.getYAxis();
        NumberAxis rightAxis = (NumberAxis) right.getYAxis();
        assertThat(rightAxis.getSide()).isEqualTo(Side.RIGHT);
        assertThat(rightAxis.getLabel()).isEqualTo("Margin");
        assertThat(leftAxis.getUpperBound()).as("the left axis reaches the revenue").isGreaterThanOrEqualTo(30000);
        assertThat(rightAxis.getUpperBound()).as("the right axis is the margin's own").isBetween(0.4, 1.0);

        for (int i = 0; i < 3; i++) {
            Node bar = left.getData().get(0).getData().get(i).getNode();
            Node point = right.getData().get(0).getData().get(i).getNode();
            Bounds barBounds = RendererFx.fx(() -> bar.localToScene(bar.getBoundsInLocal()));
            Bounds pointBounds = RendererFx.fx(() -> point.localToScene(point.getBoundsInLocal()));
            String region = List.of("APAC", "EMEA", "LATAM").get(i);
            double categoryX = RendererFx.fx(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.chart.Axis<String> x = (javafx.scene.chart.Axis<String>) left.getXAxis();
                return x.localToScene(x.getDisplayPosition(region), 0).getX();
            });
            assertThat(pointBounds.getCenterX()).as(region + "'s point over its category on the base's x axis")
                    .isCloseTo(categoryX, within(1.0));
            assertThat(barBounds.getCenterX()).as(region + "'s bar under its point").isCloseTo(categoryX, within(1.0));
        }
        // LATAM: the smallest bar, the highest point of the line
        Node latamPoint = right.getData().get(0).getData().get(2).getNode();
        Node emeaPoint = right.getData().get(0).getData().get(1).getNode();
        double latamY = RendererFx.fx(() -> latamPoint.localToScene(latamPoint.getBoundsInLocal()).getCenterY());
        double emeaY = RendererFx.fx(() -> emeaPoint.localToScene(emeaPoint.getBoundsInLocal()).getCenterY());
        assertThat(latamY).as("0.40 drawn above 0.10").isLessThan(emeaY);
        assertThat(RendererFx.all(root, "chart-axes-legend-item").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("revenue", "margin (right axis)");
    }

    @Test
    void aColumnAndALineOnOneAxisDrawBarsAndALineAgainstTheOneValueAxisTheyShare() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column",
                "columnMapping", Map.of("region", "x", "revenue", "y", "target", "y"),
                "seriesOptions", Map.of("target", Map.of("type", "line"))), TARGETS);

        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> line = (XYChart<?, ?>) root.lookup("#chart-left-axis-line");
        assertThat(bars).as("the revenue as bars").isInstanceOf(javafx.scene.chart.BarChart.class);
        assertThat(line).as("the target as a line over them").isInstanceOf(javafx.scene.chart.LineChart.class);
        assertThat(root.lookup("#chart-right-axis")).isNull();
        NumberAxis axis = (NumberAxis) bars.getYAxis();
        assertThat(axis.getUpperBound()).as("the one axis reaches the line's 40,000 too").isGreaterThanOrEqualTo(40000);
        assertThat(line.getYAxis().getOpacity()).as("one value axis seen").isZero();

        double[] revenue = {12000, 30000, 6000};
        List<Node> drawn = bars.getData().get(0).getData().stream().map(d -> (Node) d.getNode()).toList();
        assertThat(drawn).as("a bar a region").hasSize(3).doesNotContainNull();
        for (int i = 0; i < 3; i++) {
            Node bar = drawn.get(i);
            double value = revenue[i];
            double height = RendererFx.fx(() -> bar.localToScene(bar.getBoundsInLocal()).getHeight());
            double expected = RendererFx.fx(() -> sceneY(axis, 0) - sceneY(axis, value));
            assertThat(height).as("the bar's height is its value on the axis").isCloseTo(expected, within(1.5));
        }
        javafx.scene.shape.Path path = (javafx.scene.shape.Path) line.getData().get(0).getNode();
        List<Double> pathYs = RendererFx.fx(() -> path.getElements().stream()
                .filter(e -> e instanceof javafx.scene.shape.LineTo).map(e -> (javafx.scene.shape.LineTo) e)
                .map(to -> path.localToScene(to.getX(), to.getY()).getY()).toList());
        assertThat(pathYs).as("the line drawn through the three targets").hasSize(3);
        double[] target = {15000, 40000, 5000};
        for (int i = 0; i < 3; i++) {
            double value = target[i];
            assertThat(pathYs.get(i)).as("the target %s at its height on the bars' axis", value)
                    .isCloseTo(RendererFx.fx(() -> sceneY(axis, value)), within(1.0));
        }
        assertThat(RendererFx.all(root, "chart-axes-legend-item").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("revenue", "target");
    }

    @Test
    void barsAndALineOnTheLeftAxisAndALineOnTheRightAreAllDrawnEachAgainstItsAxis() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), BARS_AND_TARGET_LEFT_MARGIN_RIGHT, TARGETS);

        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> leftLine = (XYChart<?, ?>) root.lookup("#chart-left-axis-line");
        XYChart<?, ?> right = (XYChart<?, ?>) root.lookup("#chart-right-axis");
        assertThat(bars.getData()).extracting(XYChart.Series::getName).containsExactly("revenue");
        assertThat(leftLine.getData()).extracting(XYChart.Series::getName).containsExactly("target");
        assertThat(right.getData()).extracting(XYChart.Series::getName).containsExactly("margin");
        NumberAxis leftAxis = (NumberAxis) bars.getYAxis();
        NumberAxis rightAxis = (NumberAxis) right.getYAxis();
        assertThat(rightAxis.getSide()).isEqualTo(Side.RIGHT);
        assertThat(rightAxis.getOpacity()).as("the right axis seen").isEqualTo(1.0);
        assertThat(rightAxis.getUpperBound()).as("the right axis is the margin's").isBetween(0.4, 1.0);
        assertThat(tickTexts(right)).as("the right axis's ticks read the margins").contains("0.4");
        assertThat(leftAxis.getUpperBound()).as("the left one the revenue's and the target's")
                .isGreaterThanOrEqualTo(40000);

        double[] margins = {0.25, 0.10, 0.40};
        double[] targets = {15000, 40000, 5000};
        for (int i = 0; i < 3; i++) {
            Node margin = right.getData().get(0).getData().get(i).getNode();
            Node target = leftLine.getData().get(0).getData().get(i).getNode();
            double marginValue = margins[i];
            double targetValue = targets[i];
            assertThat(RendererFx.fx(() -> margin.localToScene(margin.getBoundsInLocal()).getCenterY()))
                    .as("the margin %s read on the right axis", marginValue)
                    .isCloseTo(RendererFx.fx(() -> sceneY(rightAxis, marginValue)), within(1.0));
            assertThat(RendererFx.fx(() -> target.localToScene(target.getBoundsInLocal()).getCenterY()))
                    .as("the target %s read on the left axis, the bars'", targetValue)
                    .isCloseTo(RendererFx.fx(() -> sceneY(leftAxis, targetValue)), within(1.0));
            double marginX = RendererFx.fx(() -> margin.localToScene(margin.getBoundsInLocal()).getCenterX());
            double targetX = RendererFx.fx(() -> target.localToScene(target.getBoundsInLocal()).getCenterX());
            assertThat(marginX).as("both lines' points over the same region").isCloseTo(targetX, within(1.0));
        }
        assertThat(RendererFx.all(root, "chart-axes-legend-item").stream().map(n -> ((Label) n).getText()).toList())
                .containsExactly("revenue", "target", "margin (right axis)");
    }

    @Test
    void thePointerFindsThePointsAndBarsOfEveryLayer() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), BARS_AND_TARGET_LEFT_MARGIN_RIGHT, TARGETS);
        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> leftLine = (XYChart<?, ?>) root.lookup("#chart-left-axis-line");
        XYChart<?, ?> right = (XYChart<?, ?>) root.lookup("#chart-right-axis");
        FxRobot robot = new FxRobot();

        robot.moveTo(onScreen(right, "LATAM", 0.40));
        assertThat(RendererFx.shownTooltip()).as("the top layer's point").isEqualTo("margin \u00B7 LATAM: 0.4");
        robot.moveTo(onScreen(leftLine, "EMEA", 40000).add(0, 12));
        assertThat(RendererFx.shownTooltip()).as("near a point of the layer below it (the pointer on no layer's point)")
                .isEqualTo("target \u00B7 EMEA: 40,000");
        robot.moveTo(onScreen(bars, "APAC", 2000));
        Thread.sleep(300);
        assertThat(RendererFx.shownTooltip()).as("the bottom layer's bar, under the lines' layers")
                .isEqualTo("revenue \u00B7 APAC: 12,000");
    }

    @Test
    void theWheelZoomsEveryLayerToTheSameCategoriesAndADoubleClickShowsAllAgain() throws Exception {
        Object[][] rows = new Object[8][];
        for (int i = 0; i < 8; i++) {
            rows[i] = new Object[] {"store " + i, 100.0 + i, 50.0 + i, 0.1 * i};
        }
        Parent root = RendererFx.show(new ChartRenderer(), BARS_AND_TARGET_LEFT_MARGIN_RIGHT,
                RendererFx.result(List.of(new ResultColumn("region", "string"), new ResultColumn("revenue", "float"),
                        new ResultColumn("target", "float"), new ResultColumn("margin", "float")), rows));
        List<XYChart<?, ?>> layers = List.of((XYChart<?, ?>) root.lookup("#chart-left-axis"),
                (XYChart<?, ?>) root.lookup("#chart-left-axis-line"), (XYChart<?, ?>) root.lookup("#chart-right-axis"));
        javafx.geometry.Point2D at = onScreen(layers.get(2), "store 2", 0.2);

        new FxRobot().moveTo(at).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        List<Object> shown = RendererFx.fx(() -> layers.get(0).getData().get(0).getData().stream()
                .map(d -> (Object) d.getXValue()).toList());
        assertThat(shown).as("fewer stores").hasSizeBetween(2, 5).contains("store 2");
        for (XYChart<?, ?> layer : layers) {
            assertThat(RendererFx.fx(() -> layer.getData().get(0).getData().stream()
                    .map(d -> (Object) d.getXValue()).toList())).as(layer.getId() + " shows the same stores")
                    .isEqualTo(shown);
            assertThat(RendererFx.fx(() -> List.copyOf(((javafx.scene.chart.CategoryAxis) layer.getXAxis())
                    .getCategories()))).as(layer.getId() + "'s axis too").isEqualTo(shown);
        }

        new FxRobot().doubleClickOn(at, javafx.scene.input.MouseButton.PRIMARY);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        for (XYChart<?, ?> layer : layers) {
            assertThat(RendererFx.fx(() -> layer.getData().get(0).getData().size())).as("all again").isEqualTo(8);
        }
    }

    @Test
    void overDatesTheWheelNarrowsEveryLayersXAlike() throws Exception {
        Object[][] rows = new Object[10][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new Object[] {String.format("2024-03-%02d", i + 1), 100.0 + i, 0.1 * i};
        }
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("day", "x", "visits", "y", "rate", "y"),
                "seriesOptions", Map.of("rate", Map.of("type", "scatter", "yAxis", 1))),
                RendererFx.result(List.of(new ResultColumn("day", "date"), new ResultColumn("visits", "float"),
                        new ResultColumn("rate", "float")), rows));
        XYChart<?, ?> line = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> dots = (XYChart<?, ?>) root.lookup("#chart-right-axis");
        NumberAxis lineX = (NumberAxis) line.getXAxis();
        NumberAxis dotsX = (NumberAxis) dots.getXAxis();
        double before = RendererFx.fx(() -> lineX.getUpperBound() - lineX.getLowerBound());
        javafx.scene.Node plot = line.lookup(".chart-plot-background");
        javafx.geometry.Point2D at = RendererFx.fx(() -> plot.localToScreen(plot.getLayoutBounds().getWidth() / 2,
                plot.getLayoutBounds().getHeight() / 2));

        new FxRobot().moveTo(at).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(RendererFx.fx(() -> lineX.getUpperBound() - lineX.getLowerBound())).as("zoomed in")
                .isLessThan(before * 0.8);
        assertThat(RendererFx.fx(() -> new double[] {dotsX.getLowerBound(), dotsX.getUpperBound()}))
                .as("the dots' layer on the same days").containsExactly(
                        RendererFx.fx(() -> new double[] {lineX.getLowerBound(), lineX.getUpperBound()}));
    }

    @Test
    void stackedBarsAndAStackedAreaEachStackAmongTheirOwnTypeAndTheAreasTooltipIsAtItsTop() throws Exception {
        ResultData days = RendererFx.result(List.of(new ResultColumn("region", "string"),
                        new ResultColumn("shop", "float"), new ResultColumn("web", "float"),
                        new ResultColumn("visits", "float")),
                new Object[] {"APAC", 100.0, 50.0, 70.0}, new Object[] {"EMEA", 200.0, 100.0, 90.0},
                new Object[] {"LATAM", 120.0, 30.0, 60.0});
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column",
                "series", Map.of("stacking", "stack"),
                "columnMapping", Map.of("region", "x", "shop", "y", "web", "y", "visits", "y"),
                "seriesOptions", Map.of("visits", Map.of("type", "area"))), days);
        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-left-axis");
        XYChart<?, ?> area = (XYChart<?, ?>) root.lookup("#chart-left-axis-area");
        assertThat(bars).isInstanceOf(javafx.scene.chart.StackedBarChart.class);
        assertThat(((NumberAxis) bars.getYAxis()).getUpperBound()).as("up to the bars' stack of 300")
                .isGreaterThanOrEqualTo(300).isLessThan(400);

        new FxRobot().moveTo(onScreen(area, "EMEA", 90));
        assertThat(RendererFx.shownTooltip()).as("the area from zero, not on the bars")
                .isEqualTo("visits \u00B7 EMEA: 90");
    }

    @Test
    void everySeriesOnOneAxisIsOneChartAsBefore() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column",
                "columnMapping", Map.of("region", "x", "revenue", "y")), REGIONS);

        assertThat(root.lookup("#chart-right-axis")).isNull();
        assertThat(root.lookup("#chart-bars")).isNotNull();
    }

    @Test
    void theRightAxisOfAStackedPercentChartIsInTheNumberFormatNotInPercent() throws Exception {
        ResultData shares = RendererFx.result(List.of(new ResultColumn("region", "string"),
                        new ResultColumn("online", "float"), new ResultColumn("stores", "float"),
                        new ResultColumn("margin", "float")),
                new Object[] {"APAC", 300.0, 700.0, 0.25}, new Object[] {"EMEA", 600.0, 400.0, 0.10});
        Map<String, Object> options = Map.of("globalSeriesType", "column", "numberFormat", "0.000",
                "series", Map.of("stacking", "stack", "percentValues", true),
                "columnMapping", Map.of("region", "x", "online", "y", "stores", "y", "margin", "y"),
                "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1)));
        Parent root = RendererFx.show(new ChartRenderer(), options, shares);

        List<String> left = tickTexts((XYChart<?, ?>) root.lookup("#chart-left-axis"));
        List<String> right = tickTexts((XYChart<?, ?>) root.lookup("#chart-right-axis"));
        assertThat(left).as("the stacked shares in percent").contains("0%", "100%");
        assertThat(right).as("the margin in the number format").isNotEmpty()
                .allMatch(t -> t.matches("\\d\\.\\d{3}"), "like 0.250").contains("0.000");
    }

    @Test
    void withSwappedAxesEverySeriesIsDrawnAgainstTheOneValueAxisAndTheChartSaysSo() throws Exception {
        Map<String, Object> swapped = new java.util.HashMap<>(OPTIONS);
        swapped.put("swappedAxes", true);
        swapped.put("seriesOptions", Map.of("margin", Map.of("yAxis", 1)));
        Parent root = RendererFx.show(new ChartRenderer(), swapped, REGIONS);

        assertThat(root.lookup("#chart-right-axis")).as("Redash draws no second value axis on swapped axes").isNull();
        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-bars");
        assertThat(bars.getXAxis()).as("the one value axis along the bottom").isInstanceOf(NumberAxis.class);
        assertThat(bars.getData()).extracting(XYChart.Series::getName).containsExactly("revenue", "margin");
        assertThat(bars.getData().get(1).getData()).as("every margin drawn").hasSize(3);
        assertThat(((Label) root.lookup("#chart-notes")).getText()).isEqualTo(
                "Swapped axes have one value axis, as in Redash: margin is drawn against it, not against a right axis");
    }

    @Test
    void withSwappedAxesASeriesOfItsOwnTypeIsDrawnAsTheChartsTypeAndTheChartSaysSo() throws Exception {
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column", "swappedAxes", true,
                "columnMapping", Map.of("region", "x", "revenue", "y", "target", "y"),
                "seriesOptions", Map.of("target", Map.of("type", "line"))), TARGETS);

        assertThat(root.lookup("#chart-combo")).isNull();
        XYChart<?, ?> bars = (XYChart<?, ?>) root.lookup("#chart-bars");
        assertThat(bars.getData()).extracting(XYChart.Series::getName).containsExactly("revenue", "target");
        assertThat(((Label) root.lookup("#chart-notes")).getText()).isEqualTo(
                "Swapped axes draw every series as the chart's type here: target is not drawn as its own type");
    }

    /** Where a region's value is drawn on a layer, on the screen. */
    @SuppressWarnings("unchecked")
    private static javafx.geometry.Point2D onScreen(XYChart<?, ?> layer, String region, double value) {
        return RendererFx.fx(() -> {
            double x = ((javafx.scene.chart.Axis<Object>) layer.getXAxis()).getDisplayPosition(region);
            double y = ((javafx.scene.chart.Axis<Object>) layer.getYAxis()).getDisplayPosition(value);
            return layer.lookup(".chart-plot-background").localToScreen(x, y);
        });
    }

    /** Where a value is drawn on a value axis, in the scene. */
    private static double sceneY(NumberAxis axis, double value) {
        return axis.localToScene(0, axis.getDisplayPosition(value)).getY();
    }

    /** The tick texts drawn beside a chart's value axis. */
    private static List<String> tickTexts(XYChart<?, ?> chart) {
        return RendererFx.fx(() -> chart.getYAxis().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList());
    }
}
