package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.IntToDoubleFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lines and scatters past the point budget, drawn by ChartFX: a long line is thinned once (its ends and its peak
 * kept, the user told), a scatter is drawn whole.
 */
class LargeXyChartTest {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLineOfSixtyThousandMinutesIsDrawnAsFiveThousandPointsKeepingItsEndsAndItsPeak() throws Exception {
        int n = 60_000;
        Parent root = showMinutes(n, i -> i == 33_333 ? 10_000.0 : i % 100);

        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        assertThat(chart).as("drawn by the large-data chart").isNotNull();
        DataSet drawn = RendererFx.fx(() -> chart.getAllDatasets().get(0));
        int count = drawn.getDataCount();
        assertThat(count).isEqualTo(LargeXyChart.LINE_POINTS);
        assertThat(drawn.get(DataSet.DIM_X, 0)).isEqualTo((double) START.toEpochSecond(ZoneOffset.UTC));
        assertThat(drawn.get(DataSet.DIM_X, count - 1))
                .isEqualTo((double) START.plusMinutes(n - 1).toEpochSecond(ZoneOffset.UTC));
        double highest = 0;
        for (int i = 0; i < count; i++) {
            highest = Math.max(highest, drawn.get(DataSet.DIM_Y, i));
        }
        assertThat(highest).as("the one-minute peak survives the thinning").isEqualTo(10_000.0);
        assertThat(((Label) root.lookup("#chart-notes")).getText())
                .contains("Series 'load': 60,000 points drawn as 5,000 (largest-triangle-three-buckets); zooming in "
                        + "draws more of them");
    }

    @Test
    void aScatterPastTheBudgetIsDrawnWholeWithNothingSaidAboutThinning() throws Exception {
        int n = 30_000;
        Parent root = showScatter(n, 3);

        XYChart chart = (XYChart) root.lookup("#chart-large-scatter");
        assertThat(RendererFx.fx(() -> chart.getAllDatasets().get(0).getDataCount())).isEqualTo(n);
        assertThat(root.lookup("#chart-notes")).isNull();
    }

    @Test
    void zoomingIntoALongLineShowsEveryMinuteOfTheViewWithTheYAxisFittedAndARightClickStepsBack() throws Exception {
        int n = 200_000;
        // a slow wave; one minute of 10,000 far out of the view zoomed into below
        Parent root = showMinutes(n, i -> i == 190_000 ? 10_000.0 : i % 1_000);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        DataSet drawn = RendererFx.fx(() -> chart.getAllDatasets().get(0));
        assertThat(RendererFx.fx(drawn::getDataCount)).isEqualTo(LargeXyChart.LINE_POINTS);
        double wholeMin = RendererFx.fx(() -> chart.getXAxis().getMin());
        double wholeMax = RendererFx.fx(() -> chart.getXAxis().getMax());

        // a rectangle dragged over a fiftieth of the plot's width, in its first half
        FxRobot robot = new FxRobot();
        Bounds plot = RendererFx.fx(() -> chart.getCanvas().localToScreen(chart.getCanvas().getLayoutBounds()));
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.40, plot.getMinY() + plot.getHeight() * 0.3))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.41, plot.getMinY() + plot.getHeight() * 0.5))
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.42, plot.getMinY() + plot.getHeight() * 0.7))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double min = RendererFx.fx(() -> chart.getXAxis().getMin());
        double max = RendererFx.fx(() -> chart.getXAxis().getMax());
        assertThat(max - min).as("zoomed to about a fiftieth of the time, fewer minutes than the budget")
                .isBetween((wholeMax - wholeMin) * 0.01, (wholeMax - wholeMin) * 0.024);
        assertEveryMinuteOfTheViewIsDrawn(drawn, min, max);
        assertThat(RendererFx.fx(drawn::getDataCount)).as("not the whole line: the view and a margin")
                .isLessThan(2 * LargeXyChart.LINE_POINTS);
        assertThat(RendererFx.fx(() -> chart.getYAxis().getMax())).as("the y axis fits the minutes around the view, "
                + "not the peak far outside it").isLessThan(2_000.0);

        robot.clickOn(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, plot.getMinY() + plot.getHeight() * 0.5),
                MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RendererFx.fx(drawn::getDataCount)).as("the whole line again").isEqualTo(LargeXyChart.LINE_POINTS);
        assertThat(RendererFx.fx(() -> chart.getYAxis().getMax())).isGreaterThanOrEqualTo(10_000.0);
    }

    @Test
    void panningAZoomedLineMovesTheViewAndShowsTheMinutesNowInIt() throws Exception {
        int n = 100_000;
        Parent root = showMinutes(n, i -> i % 500);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        DataSet drawn = RendererFx.fx(() -> chart.getAllDatasets().get(0));
        FxRobot robot = new FxRobot();
        Bounds plot = RendererFx.fx(() -> chart.getCanvas().localToScreen(chart.getCanvas().getLayoutBounds()));
        double y = plot.getMinY() + plot.getHeight() / 2;
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, y)).press(MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.52, y))
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.53, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double min = RendererFx.fx(() -> chart.getXAxis().getMin());
        double max = RendererFx.fx(() -> chart.getXAxis().getMax());
        double[] handedOver = RendererFx.fx(() -> Arrays.copyOf(drawn.getValues(DataSet.DIM_X),
                drawn.getDataCount()));

        // Shift + drag to the left by a fifth of the plot: the view moves later in time by a fifth of its width
        robot.press(KeyCode.SHIFT).moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.6, y))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, y))
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.4, y))
                .release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        double pannedMin = RendererFx.fx(() -> chart.getXAxis().getMin());
        double pannedMax = RendererFx.fx(() -> chart.getXAxis().getMax());
        assertThat(pannedMax - pannedMin).as("same width").isCloseTo(max - min, within((max - min) * 0.01));
        assertThat(pannedMin - min).as("moved later by about a fifth of the plot's time")
                .isBetween((max - min) * 0.15, (max - min) * 0.25);
        assertEveryMinuteOfTheViewIsDrawn(drawn, pannedMin, pannedMax);
        assertThat(RendererFx.fx(() -> Arrays.copyOf(drawn.getValues(DataSet.DIM_X), drawn.getDataCount())))
                .as("a pan within the margin drawn around the view hands ChartFX nothing new")
                .containsExactly(handedOver);

        // the wheel zooms in further at the pointer (a wheel turned forward: under Monocle, TestFX sends DOWN as a
        // positive deltaY, which ChartFX, as the map, reads as zooming in): fewer minutes, all of them drawn
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, y)).scroll(8, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double wheelMin = RendererFx.fx(() -> chart.getXAxis().getMin());
        double wheelMax = RendererFx.fx(() -> chart.getXAxis().getMax());
        assertThat(wheelMax - wheelMin).isLessThan((pannedMax - pannedMin) * 0.95);
        assertEveryMinuteOfTheViewIsDrawn(drawn, wheelMin, wheelMax);
    }

    @Test
    void aScatterZoomsInBothAxesWithEveryPointKeptAndCtrlRightClickGoesBackToTheWholeChart() throws Exception {
        int n = 30_000;
        Parent root = showScatter(n, 5);
        XYChart chart = (XYChart) root.lookup("#chart-large-scatter");
        double[] whole = RendererFx.fx(() -> new double[] {chart.getXAxis().getMin(), chart.getXAxis().getMax(),
                chart.getYAxis().getMin(), chart.getYAxis().getMax()});
        FxRobot robot = new FxRobot();
        Bounds plot = RendererFx.fx(() -> chart.getCanvas().localToScreen(chart.getCanvas().getLayoutBounds()));
        robot.moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.3, plot.getMinY() + plot.getHeight() * 0.3))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.4, plot.getMinY() + plot.getHeight() * 0.4))
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, plot.getMinY() + plot.getHeight() * 0.5))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double[] zoomed = RendererFx.fx(() -> new double[] {chart.getXAxis().getMin(), chart.getXAxis().getMax(),
                chart.getYAxis().getMin(), chart.getYAxis().getMax()});
        assertThat(zoomed[1] - zoomed[0]).as("x: a fifth of the plot").isBetween((whole[1] - whole[0]) * 0.15,
                (whole[1] - whole[0]) * 0.25);
        assertThat(zoomed[3] - zoomed[2]).as("y: a fifth of the plot").isBetween((whole[3] - whole[2]) * 0.15,
                (whole[3] - whole[2]) * 0.25);
        assertThat(RendererFx.fx(() -> chart.getAllDatasets().get(0).getDataCount())).isEqualTo(n);

        robot.press(KeyCode.CONTROL).clickOn(new Point2D(plot.getMinX() + plot.getWidth() * 0.5,
                plot.getMinY() + plot.getHeight() * 0.5), MouseButton.SECONDARY).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double[] back = RendererFx.fx(() -> new double[] {chart.getXAxis().getMin(), chart.getXAxis().getMax(),
                chart.getYAxis().getMin(), chart.getYAxis().getMax()});
        assertThat(back).containsExactly(whole, within(1e-9));
    }

    @Test
    @Timeout(60)
    void aZoomRightAfterALayoutOutsideAPulseWaitsForTheChartToLetGoOfItsPointsInsteadOfFreezing() throws Exception {
        int n = 8_000; // thinned to 5,000 whole; one wheel notch in, every minute
        Parent root = showMinutes(n, i -> i % 700);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");

        // a layout outside a pulse (as a snapshot for "Save as PNG" after a resize makes) leaves the chart's points
        // read-locked until the pulse ends; the wheel turns in the same turn
        int readers = RendererFx.fx(() -> {
            ((Region) root.getChildrenUnmodifiable().get(0)).setMaxWidth(RendererFx.WIDTH - 40.0); // a resize
            root.layout();
            int held = ((DefaultDataSetLock<?>) chart.getAllDatasets().get(0).lock()).getReaderCount();
            Canvas plot = chart.getCanvas();
            Point2D scene = plot.localToScene(plot.getWidth() / 2, plot.getHeight() / 2);
            Event.fireEvent(plot, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), 0, 0, false,
                    false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(plot, scene.getX(), scene.getY())));
            return held;
        });
        assertThat(readers).as("the chart held its points when the wheel turned").isPositive();
        WaitForAsyncUtils.waitForFxEvents();

        double min = RendererFx.fx(() -> chart.getXAxis().getMin());
        double max = RendererFx.fx(() -> chart.getXAxis().getMax());
        assertThat(max - min).as("zoomed in").isLessThan(n * 60.0 * 0.95);
        assertEveryMinuteOfTheViewIsDrawn(RendererFx.fx(() -> chart.getAllDatasets().get(0)), min, max);
    }

    @Test
    void theTooltipNamesTheSeriesTheMinuteAndTheLoadOfThePointUnderThePointer() throws Exception {
        int peak = 1_540; // 2024-01-02 01:40
        Parent root = showMinutes(3_000, i -> i == peak ? 500.0 : 100.0);
        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        double x = START.plusMinutes(peak).toEpochSecond(ZoneOffset.UTC);
        Point2D at = RendererFx.fx(() -> chart.getCanvas().localToScreen(chart.getXAxis().getDisplayPosition(x),
                chart.getYAxis().getDisplayPosition(500.0)));

        new FxRobot().moveTo(at.add(3, 2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(RendererFx.showingTooltip()).isEqualTo("load \u00B7 02/01/24 01:40: 500");
        new FxRobot().moveTo(at.add(0, 200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(RendererFx.showingTooltip()).as("200 px below the peak, far from the line at 100: none")
                .isNull();
    }

    /** The line drawn reaches both edges of the view with a point a minute between them. */
    private static void assertEveryMinuteOfTheViewIsDrawn(DataSet drawn, double min, double max) {
        double[] xs = RendererFx.fx(() -> drawn.getValues(DataSet.DIM_X).clone());
        int count = RendererFx.fx(drawn::getDataCount);
        int left = 0;
        while (left + 1 < count && xs[left + 1] <= min) {
            left++;
        }
        int right = count - 1;
        while (right - 1 >= 0 && xs[right - 1] >= max) {
            right--;
        }
        assertThat(xs[left]).as("a point at or before the left edge").isLessThanOrEqualTo(min);
        assertThat(xs[right]).as("a point at or after the right edge").isGreaterThanOrEqualTo(max);
        for (int i = left + 1; i <= right; i++) {
            assertThat(xs[i] - xs[i - 1]).as("one point a minute across the view, at %d", i).isEqualTo(60.0);
        }
    }

    /** A line of {@code n} minutes from {@link #START}, minute i's load being {@code load(i)}, as drawn. */
    private static Parent showMinutes(int n, IntToDoubleFunction load) throws TimeoutException {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row("minute", START.plusMinutes(i).toString(), "load", load.applyAsDouble(i)));
        }
        return RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("minute", "x", "load", "y")), new ResultData(List.of(
                new ResultColumn("minute", "datetime"), new ResultColumn("load", "float")), rows));
    }

    /** A scatter of {@code n} points, both coordinates standard normal from {@code seed}, as drawn. */
    private static Parent showScatter(int n, long seed) throws TimeoutException {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            rows.add(row("width", random.nextGaussian(), "weight", random.nextGaussian()));
        }
        return RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "scatter",
                "columnMapping", Map.of("width", "x", "weight", "y")), new ResultData(List.of(
                new ResultColumn("width", "float"), new ResultColumn("weight", "float")), rows));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
