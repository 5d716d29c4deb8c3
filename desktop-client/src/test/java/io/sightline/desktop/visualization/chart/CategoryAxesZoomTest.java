package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Columns, bars and lines over categories zoom with the wheel, pan with a drag and come back with a double click. */
class CategoryAxesZoomTest {

    private static final ResultData STORES = stores();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theWheelShowsFewerColumnsAroundTheOneUnderThePointerAndADoubleClickAllAgain() throws Exception {
        XYChart<?, ?> chart = show("column", false);
        CategoryAxis x = (CategoryAxis) chart.getXAxis();
        List<String> all = categories(x);
        Point2D at = plotPoint(chart, 0.25, 0.5);
        String under = categoryAt(x, at);

        new FxRobot().moveTo(at).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = categories(x);
        assertThat(shown.size()).as("fewer stores").isBetween(2, (int) (all.size() * 0.6));
        int first = all.indexOf(shown.get(0));
        assertThat(shown).as("the stores next to each other, in their order").isEqualTo(
                all.subList(first, first + shown.size()));
        assertThat(categoryAt(x, at)).as("the store under the pointer stays under it").isEqualTo(under);
        assertThat(bars(chart)).as("a column for each store in view, none for the others")
                .containsExactlyElementsOf(shown);

        new FxRobot().doubleClickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(categories(x)).isEqualTo(all);
        assertThat(bars(chart)).containsExactlyElementsOf(all);
    }

    @Test
    void aDragMovesAlongTheColumnsByWhatThePointerMoved() throws Exception {
        XYChart<?, ?> chart = show("column", false);
        CategoryAxis x = (CategoryAxis) chart.getXAxis();
        List<String> all = categories(x);
        FxRobot robot = new FxRobot();
        robot.moveTo(plotPoint(chart, 0.5, 0.5)).scroll(5, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> zoomed = categories(x);
        double perColumn = RendererFx.fx(() -> plot(chart).getLayoutBounds().getWidth()) / zoomed.size();

        Point2D from = plotPoint(chart, 0.7, 0.5);
        Point2D to = new Point2D(from.getX() - 3 * perColumn, from.getY());
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX() - perColumn, from.getY())).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> panned = categories(x);
        assertThat(panned).as("as many stores").hasSameSizeAs(zoomed);
        assertThat(all.indexOf(panned.get(0)) - all.indexOf(zoomed.get(0))).as("dragged left by three columns: "
                + "the next three stores came in").isEqualTo(3);
        assertThat(bars(chart)).containsExactlyElementsOf(panned);
    }

    @Test
    void horizontalBarsZoomAlongTheSideAndADragUpBringsInTheStoresBelow() throws Exception {
        XYChart<?, ?> chart = show("column", true);
        CategoryAxis y = (CategoryAxis) chart.getYAxis();
        List<String> all = categories(y);
        FxRobot robot = new FxRobot();
        robot.moveTo(plotPoint(chart, 0.5, 0.5)).scroll(5, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> zoomed = categories(y);
        assertThat(zoomed.size()).isLessThan(all.size() / 2);
        double perBar = RendererFx.fx(() -> plot(chart).getLayoutBounds().getHeight()) / zoomed.size();
        String bottom = RendererFx.fx(() -> y.getDisplayPosition(zoomed.get(0)) > y.getDisplayPosition(
                zoomed.get(zoomed.size() - 1)) ? "first" : "last");

        Point2D from = plotPoint(chart, 0.5, 0.5);
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX(), from.getY() - perBar))
                .dropTo(new Point2D(from.getX(), from.getY() - 2 * perBar));
        WaitForAsyncUtils.waitForFxEvents();

        int moved = all.indexOf(categories(y).get(0)) - all.indexOf(zoomed.get(0));
        assertThat(moved).as("the stores below the view came in (the " + bottom + " store is at the bottom)")
                .isEqualTo(bottom.equals("first") ? -2 : 2);
        assertThat(bars(chart)).containsExactlyInAnyOrderElementsOf(categories(y));
    }

    @Test
    void aLineOverCategoriesZoomsToo() throws Exception {
        XYChart<?, ?> chart = show("line", false);
        CategoryAxis x = (CategoryAxis) chart.getXAxis();
        int all = categories(x).size();

        new FxRobot().moveTo(plotPoint(chart, 0.5, 0.5)).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = categories(x);
        assertThat(shown.size()).isLessThan(all);
        assertThat(RendererFx.fx(() -> chart.getData().get(0).getData().stream()
                .map(d -> String.valueOf(d.getXValue())).toList())).as("the line's points in view alone")
                .containsExactlyElementsOf(shown);
    }

    /** The thirty stores drawn as this type of chart, alone in the window. */
    private static XYChart<?, ?> show(String type, boolean swapped) throws TimeoutException {
        Map<String, Object> options = new HashMap<>(Map.of("globalSeriesType", type,
                "columnMapping", Map.of("store", "x", "sales", "y")));
        options.put("swappedAxes", swapped);
        Parent root = RendererFx.show(new ChartRenderer(), options, STORES);
        return (XYChart<?, ?>) root.lookup(type.equals("line") ? "#chart-line" : "#chart-bars");
    }

    private static List<String> categories(CategoryAxis axis) {
        return RendererFx.fx(() -> List.copyOf(axis.getCategories()));
    }

    private static String categoryAt(CategoryAxis axis, Point2D onScreen) {
        return RendererFx.fx(() -> {
            Point2D local = axis.screenToLocal(onScreen);
            return axis.getValueForDisplay(axis.getSide().isVertical() ? local.getY() : local.getX());
        });
    }

    /** The stores whose bars are in the chart's plot, in the series' order. */
    private static List<String> bars(XYChart<?, ?> chart) {
        return RendererFx.fx(() -> chart.getData().get(0).getData().stream()
                .filter(d -> d.getNode() != null && d.getNode().getScene() != null && d.getNode().isVisible())
                .map(d -> String.valueOf(chart.getXAxis() instanceof CategoryAxis ? d.getXValue() : d.getYValue()))
                .toList());
    }

    private static Node plot(XYChart<?, ?> chart) {
        return chart.lookup(".chart-plot-background");
    }

    /** A point in the plot, {@code fx} and {@code fy} of the way across and down, on the screen. */
    private static Point2D plotPoint(XYChart<?, ?> chart, double fx, double fy) {
        Bounds plot = RendererFx.fx(() -> plot(chart).localToScreen(plot(chart).getLayoutBounds()));
        return new Point2D(plot.getMinX() + plot.getWidth() * fx, plot.getMinY() + plot.getHeight() * fy);
    }

    private static ResultData stores() {
        List<Object[]> rows = new ArrayList<>();
        for (int store = 1; store <= 30; store++) {
            rows.add(new Object[] {String.format("store %02d", store), 100.0 + store * 7 % 40});
        }
        return RendererFx.result(List.of(new ResultColumn("store", "string"), new ResultColumn("sales", "float")),
                rows.toArray(Object[][]::new));
    }
}
