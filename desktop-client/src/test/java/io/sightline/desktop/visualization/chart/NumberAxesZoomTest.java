package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Lines and scatters up to the point budget zoom with the wheel, pan with a drag and come back with a double click. */
class NumberAxesZoomTest {

    private static final ResultData HUNDRED = hundred();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theWheelZoomsALineInXAtThePointerAndADoubleClickShowsItWholeAgain() throws Exception {
        XYChart<?, ?> chart = show("line");
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        double[] whole = bounds(x);
        double[] wholeY = bounds(y);
        Point2D at = plotPoint(chart, 0.25, 0.5);
        double valueAt = RendererFx.fx(() -> x.getValueForDisplay(x.screenToLocal(at).getX()).doubleValue());

        // forward (TestFX's DOWN reaches JavaFX as a positive deltaY under Monocle, as a wheel turned forward)
        new FxRobot().moveTo(at).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        double[] zoomed = bounds(x);
        assertThat(zoomed[1] - zoomed[0]).as("narrower").isLessThan((whole[1] - whole[0]) * 0.6);
        assertThat(RendererFx.fx(() -> x.getValueForDisplay(x.screenToLocal(at).getX()).doubleValue()))
                .as("the day under the pointer stays under it").isCloseTo(valueAt, within(1.0));
        assertThat(bounds(y)).as("a line zooms in x alone").containsExactly(wholeY, within(1e-9));
        assertThat(RendererFx.fx(x::getTickUnit)).as("round ticks").isIn(1.0, 2.0, 5.0, 10.0);

        new FxRobot().doubleClickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RendererFx.fx(x::isAutoRanging)).isTrue();
        assertThat(bounds(x)).containsExactly(whole, within(1e-9));
    }

    @Test
    void aDragPansAScatterInBothAxesByWhatThePointerMoved() throws Exception {
        XYChart<?, ?> chart = show("scatter");
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        double[] wholeX = bounds(x);
        double[] wholeY = bounds(y);
        Point2D from = plotPoint(chart, 0.5, 0.5);
        Point2D to = plotPoint(chart, 0.3, 0.4);

        new FxRobot().drag(from, MouseButton.PRIMARY).moveTo(plotPoint(chart, 0.4, 0.45)).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();

        // the axes' lengths as the drag ended (the value labels' width may change the plot's as the view moves)
        double xPerPixel = (wholeX[1] - wholeX[0]) / RendererFx.fx(x::getWidth);
        double yPerPixel = (wholeY[1] - wholeY[0]) / RendererFx.fx(y::getHeight);
        double[] pannedX = bounds(x);
        double[] pannedY = bounds(y);
        // within two pixels: the robot moves by whole ones
        assertThat(pannedX[0] - wholeX[0]).as("dragged left: later days come in")
                .isCloseTo((from.getX() - to.getX()) * xPerPixel, within(2 * xPerPixel));
        assertThat(pannedX[1] - pannedX[0]).isCloseTo(wholeX[1] - wholeX[0], within(1e-9));
        assertThat(wholeY[0] - pannedY[0]).as("dragged up with the pointer: lower sales come in from below")
                .isCloseTo((from.getY() - to.getY()) * yPerPixel, within(2 * yPerPixel));
    }

    @Test
    void inADashboardThatScrollsTheWheelScrollsItAndCtrlWheelZooms() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ScrollPane dashboard = RendererFx.fx(() -> {
            Node chart = new ChartRenderer().render(options("line"), HUNDRED);
            Region below = new Region();
            below.setMinHeight(2_000);
            ScrollPane pane = new ScrollPane(new VBox(chart, below));
            pane.setFitToWidth(true);
            stage.setScene(new Scene(pane, RendererFx.WIDTH, RendererFx.HEIGHT));
            stage.show();
            return pane;
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYChart<?, ?> chart = (XYChart<?, ?>) RendererFx.fx(() -> dashboard.lookup("#chart-line"));
        NumberAxis x = (NumberAxis) chart.getXAxis();
        double[] whole = bounds(x);
        FxRobot robot = new FxRobot();

        // turned towards the user (UP, under Monocle): the dashboard scrolls down
        robot.moveTo(plotPoint(chart, 0.5, 0.2)).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(x)).as("the wheel did not zoom the chart").containsExactly(whole, within(1e-9));
        assertThat(RendererFx.fx(dashboard::getVvalue)).as("it scrolled the dashboard").isPositive();

        RendererFx.fx(() -> {
            dashboard.setVvalue(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(plotPoint(chart, 0.5, 0.5)).press(KeyCode.CONTROL).scroll(3, VerticalDirection.DOWN)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double[] zoomed = bounds(x);
        assertThat(zoomed[1] - zoomed[0]).as("Ctrl + wheel zoomed it").isLessThan((whole[1] - whole[0]) * 0.6);
        assertThat(RendererFx.fx(dashboard::getVvalue)).as("and did not scroll").isZero();
    }

    @Test
    void tickUnitsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(NumberAxesZoom.roundUnit(0.0123)).isCloseTo(0.01, within(1e-12));
        assertThat(NumberAxesZoom.roundUnit(2.7)).isEqualTo(2.0);
        assertThat(NumberAxesZoom.roundUnit(4.0)).isEqualTo(5.0);
        assertThat(NumberAxesZoom.roundUnit(8.0)).isEqualTo(10.0);
        assertThat(NumberAxesZoom.roundUnit(86_400_000.0 * 3)).isEqualTo(200_000_000.0);
    }

    private static Map<String, Object> options(String type) {
        return Map.of("globalSeriesType", type, "columnMapping", Map.of("day", "x", "sales", "y"));
    }

    /** The hundred days drawn as a chart of this type, alone in the window. */
    private static XYChart<?, ?> show(String type) throws TimeoutException {
        Parent root = RendererFx.show(new ChartRenderer(), options(type), HUNDRED);
        return (XYChart<?, ?>) root.lookup("#chart-" + type);
    }

    private static double[] bounds(NumberAxis axis) {
        return RendererFx.fx(() -> new double[] {axis.getLowerBound(), axis.getUpperBound()});
    }

    private static Node plot(XYChart<?, ?> chart) {
        return chart.lookup(".chart-plot-background");
    }

    /** A point in the plot, {@code fx} and {@code fy} of the way across and down, on the screen. */
    private static Point2D plotPoint(XYChart<?, ?> chart, double fx, double fy) {
        Bounds plot = RendererFx.fx(() -> plot(chart).localToScreen(plot(chart).getLayoutBounds()));
        return new Point2D(plot.getMinX() + plot.getWidth() * fx, plot.getMinY() + plot.getHeight() * fy);
    }

    private static ResultData hundred() {
        List<Object[]> rows = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            rows.add(new Object[] {day, 1000.0 + (day % 10) * 50});
        }
        return RendererFx.result(List.of(new ResultColumn("day", "integer"), new ResultColumn("sales", "float")),
                rows.toArray(Object[][]::new));
    }
}
