package io.sightline.desktop.bench;

import static io.sightline.desktop.bench.BenchMeasures.onFx;
import static io.sightline.desktop.bench.BenchMeasures.percentile;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

/**
 * Frames of a chart zoomed and panned as a user does (VisualizationBench's large line and scatter through ChartFX's
 * zoomer, a line up to the point budget through javafx.scene.chart's {@code NumberAxesZoom}, and columns through
 * {@code CategoryAxesZoom}): <em>zoom</em> =
 * one wheel notch forward at the plot's centre (a {@link ScrollEvent}; ChartFX narrows the range by a tenth a
 * notch, the smaller charts by a fifth), 20 of them from the whole chart, then 10 back out; <em>pan</em> = the view
 * moved by 2 % of its width (and height, for a scatter), 30 of them, as the zoomer's panner sets the axes while
 * dragging (columns: a drag one category further each frame, as the pointer sends it); each frame laid out and rendered as VisualizationBench's (a {@code snapshot}). Charts of other kinds
 * are skipped.
 */
final class ChartMoves {

    private static final int ZOOM_IN = 20;
    private static final int ZOOM_OUT = 10;
    private static final int PANS = 30;

    private ChartMoves() {
    }

    static void measure(String name, Stage open) {
        Moves moves = onFx(() -> Moves.of(open.getScene().getRoot()));
        if (moves == null) {
            return;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] zoom = new double[ZOOM_IN + ZOOM_OUT];
        double[] zoomCpu = new double[zoom.length];
        for (int i = 0; i < zoom.length; i++) {
            double delta = i < ZOOM_IN ? 40 : -40;
            long cpu0 = os.getProcessCpuTime();
            zoom[i] = frame(open, () -> wheel(moves.wheelTarget(), delta));
            zoomCpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        double[] pan = new double[PANS];
        double[] panCpu = new double[PANS];
        for (int i = 0; i < PANS; i++) {
            long cpu0 = os.getProcessCpuTime();
            pan[i] = frame(open, moves.pan());
            panCpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        int drawn = onFx(moves.drawn()::get);
        System.out.printf("| %s | zoom %.1f / %.1f (%.0f) | pan %.1f / %.1f (%.0f) | %,d points drawn at the end |%n",
                name, percentile(zoom, 50), percentile(zoom, 95), percentile(zoomCpu, 50), percentile(pan, 50),
                percentile(pan, 95), percentile(panCpu, 50), drawn);
    }

    /**
     * One frame, after a whole pulse has passed since the last: a layout outside a pulse (as the snapshot here)
     * leaves ChartFX's points read-locked until a pulse ends, and the chart's view would then wait for it.
     */
    private static double frame(Stage open, Runnable move) {
        awaitPulse(open.getScene());
        return onFx(() -> {
            long t0 = System.nanoTime();
            move.run();
            open.getScene().getRoot().applyCss();
            open.getScene().getRoot().layout();
            open.getScene().snapshot(null);
            return (System.nanoTime() - t0) / 1e6;
        });
    }

    private static void awaitPulse(Scene scene) {
        CompletableFuture<Void> passed = new CompletableFuture<>();
        onFx(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                passed.complete(null);
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
            return null;
        });
        passed.join();
    }

    /** Where a wheel turns and how a pan moves a chart: ChartFX's, or javafx.scene.chart's on a number x axis. */
    private record Moves(Node wheelTarget, Runnable pan, Supplier<Integer> drawn) {
        static Moves of(Node root) {
            if (root.lookup("XYChart") instanceof XYChart chart) {
                return new Moves(chart.getCanvas(), () -> {
                    shift(chart.getXAxis());
                    if (!chart.getYAxis().isAutoRanging()) {
                        shift(chart.getYAxis());
                    }
                }, () -> chart.getAllDatasets().get(0).getDataCount());
            }
            if (root.lookup(".chart") instanceof javafx.scene.chart.XYChart<?, ?> chart
                    && chart.getXAxis() instanceof NumberAxis x) {
                return new Moves(chart.lookup(".chart-plot-background"), () -> {
                    shift(x);
                    if (chart.getYAxis() instanceof NumberAxis y && !y.isAutoRanging()) {
                        shift(y);
                    }
                }, () -> chart.getData().get(0).getData().size());
            }
            if (root.lookup(".chart") instanceof javafx.scene.chart.XYChart<?, ?> chart
                    && chart.getXAxis() instanceof CategoryAxis x) {
                Node plot = chart.lookup(".chart-plot-background");
                int[] pans = {0};
                // a drag along the categories, one category's width further each frame
                return new Moves(plot, () -> {
                    double perCategory = plot.getLayoutBounds().getWidth() / x.getCategories().size();
                    if (pans[0]++ == 0) {
                        mouse(plot, MouseEvent.MOUSE_PRESSED, 0);
                    }
                    mouse(plot, MouseEvent.MOUSE_DRAGGED, -pans[0] * perCategory);
                }, () -> chart.getData().get(0).getData().size());
            }
            return null;
        }
    }

    /** A mouse event at the plot's centre moved by {@code dx}, the primary button down. */
    private static void mouse(Node plot, javafx.event.EventType<MouseEvent> type, double dx) {
        double w = plot.getLayoutBounds().getWidth();
        double h = plot.getLayoutBounds().getHeight();
        Point2D scene = plot.localToScene(w / 2 + dx, h / 2);
        Point2D screen = plot.localToScreen(w / 2 + dx, h / 2);
        Event.fireEvent(plot, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, false,
                new PickResult(plot, scene.getX(), scene.getY())));
    }

    private static void shift(NumberAxis axis) {
        double step = (axis.getUpperBound() - axis.getLowerBound()) * 0.02;
        axis.setAutoRanging(false);
        axis.setLowerBound(axis.getLowerBound() + step);
        axis.setUpperBound(axis.getUpperBound() + step);
    }

    private static void wheel(Node plot, double deltaY) {
        double w = plot.getLayoutBounds().getWidth();
        double h = plot.getLayoutBounds().getHeight();
        Point2D scene = plot.localToScene(w / 2, h / 2);
        Point2D screen = plot.localToScreen(w / 2, h / 2);
        // a wheel's notch as desktops send it: 40 units of delta, a multiplier of 40
        Event.fireEvent(plot, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), false, false, false, false, false, false, 0, deltaY, 0, deltaY, 40, 40,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(plot, scene.getX(), scene.getY())));
    }

    private static void shift(Axis axis) {
        double step = (axis.getMax() - axis.getMin()) * 0.02;
        axis.setAutoRanging(false);
        axis.set(axis.getMin() + step, axis.getMax() + step);
    }
}
