package io.sightline.desktop.visualization.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.sightline.common.visualization.Lttb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Hands ChartFX only what a zoomed view of long lines needs: the points from half the view's width before it to
 * half its width after it (and one beyond, so a line runs to the border), thinned by
 * largest-triangle-three-buckets to {@link LargeXyChart#LINE_POINTS} a view's width. Zooming into a line of a
 * million points therefore shows its detail (every point once few enough are in view), as a resampling viewer
 * does, and ChartFX draws about as many points at any zoom. The y axis is left to fit the points handed over. With
 * the x axis at its automatic range the whole line is shown (thinned once, kept for the next time the zoom is
 * reset). Scatters are handed to ChartFX whole: it skips the points outside the view itself, and culling them here
 * first measured no faster.
 */
final class VisibleRange {

    private final ViewAxis x;
    private final List<Series> series = new ArrayList<>();
    private boolean deferred;
    // what the lines hold now (the view and half its width on each side), and the width of the view they were
    // thinned for: at first everything, as the axis ranges automatically
    private double shownMin = Double.NEGATIVE_INFINITY;
    private double shownMax = Double.POSITIVE_INFINITY;
    private double shownFor = Double.POSITIVE_INFINITY;

    /**
     * A line of {@code n} points in ascending x (kept, not copied), drawn by {@code drawn}: filled now with the
     * whole line thinned to the budget. It has no value at {@code gapXs} (ascending): a NaN there, between the
     * points kept on either side, breaks the line.
     *
     * @return how many points it shows at first
     */
    int line(double[] xs, double[] ys, int n, double[] gapXs, DoubleDataSet drawn) {
        Series line = new Series(xs, ys, n, gapXs, drawn);
        series.add(line);
        line.show(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, LargeXyChart.LINE_POINTS);
        return (int) java.util.stream.IntStream.range(0, drawn.getDataCount())
                .filter(i -> !Double.isNaN(drawn.get(DataSet.DIM_Y, i))).count();
    }

    /**
     * Follows the x axis. Its range is set by the zoomer (while no data set is locked for drawing, so this may
     * replace points) or, while automatic, by the chart in its layout (when everything is shown already).
     */
    VisibleRange(ViewAxis x) {
        this.x = x;
        x.onUserRange = this::update;
        x.autoRangingProperty().addListener((o, was, is) -> update());
    }

    /**
     * Shows what the axis's range holds now. As a map's drawing, the points handed over reach half the view's width
     * beyond each edge, thinned for that density: a pan within that margin, or a zoom in to half the width, changes
     * nothing here (ChartFX draws the same points under the new range); past it they are thinned again around the
     * new view. A chart read-locks its data sets from its layout until the end of the pulse (ChartFX), and a layout
     * outside a pulse (a snapshot, an export) leaves them locked until the next one: a change then waits for the end of
     * the next pulse rather than block the FX thread for good on its own lock.
     */
    void update() {
        if (series.stream().anyMatch(Series::lockedForDrawing)) {
            Scene scene = x.getScene();
            if (!deferred && scene != null) { // a chart no longer shown has no view to follow
                deferred = true;
                Runnable[] afterPulse = new Runnable[1];
                afterPulse[0] = () -> Platform.runLater(() -> { // after ChartFX's own post-layout, which unlocks
                    scene.removePostLayoutPulseListener(afterPulse[0]);
                    deferred = false;
                    update();
                });
                scene.addPostLayoutPulseListener(afterPulse[0]);
                Platform.requestNextPulse();
            }
            return;
        }
        if (x.isAutoRanging()) {
            show(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
            return;
        }
        double min = x.getMin();
        double max = x.getMax();
        double width = max - min;
        if (!(width > 0)) {
            return; // half set
        }
        boolean held = min >= shownMin && max <= shownMax && width <= shownFor && width >= shownFor / 2;
        if (!held) {
            show(min - width / 2, max + width / 2, width, 2);
        }
    }

    private void show(double min, double max, double viewWidth, int views) {
        if (min == shownMin && max == shownMax) {
            return;
        }
        shownMin = min;
        shownMax = max;
        shownFor = viewWidth;
        for (Series line : series) {
            line.show(min, max, views * LargeXyChart.LINE_POINTS);
        }
    }

    private static final class Series {
        private final double[] xs;
        private final double[] ys;
        private final int n;
        private final double[] gapXs;
        private final DoubleDataSet drawn;
        private int[] whole; // the whole line's thinning, made once
        private double[] bufferX;
        private double[] bufferY;

        Series(double[] xs, double[] ys, int n, double[] gapXs, DoubleDataSet drawn) {
            this.xs = xs;
            this.ys = ys;
            this.n = n;
            this.gapXs = gapXs;
            this.drawn = drawn;
        }

        boolean lockedForDrawing() {
            return drawn.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0;
        }

        void show(double min, double max, int budget) {
            int from = Math.max(firstAbove(min, true) - 1, 0);
            int to = Math.min(firstAbove(max, false) + 1, n);
            int[] kept;
            if (from == 0 && to == n && budget == LargeXyChart.LINE_POINTS) {
                if (whole == null) {
                    whole = Lttb.select(xs, ys, 0, n, LargeXyChart.LINE_POINTS);
                }
                kept = whole;
            } else {
                kept = Lttb.select(xs, ys, from, to, budget);
            }
            ensureBuffers(kept.length + Math.min(kept.length, gapXs.length));
            int size = 0;
            for (int i = 0; i < kept.length; i++) {
                double x = xs[kept[i]];
                if (i > 0) {
                    double gap = gapAfter(xs[kept[i - 1]]);
                    if (gap < x) { // no value between this point and the one before: not a line across
                        bufferX[size] = gap;
                        bufferY[size] = Double.NaN;
                        size++;
                    }
                }
                bufferX[size] = x;
                bufferY[size] = ys[kept[i]];
                size++;
            }
            drawn.set(bufferX, bufferY, size, true);
        }

        /** The first missing x above {@code x}, or infinity. */
        private double gapAfter(double x) {
            int i = Arrays.binarySearch(gapXs, x);
            int next = i >= 0 ? i + 1 : -i - 1;
            while (next < gapXs.length && gapXs[next] <= x) {
                next++;
            }
            return next < gapXs.length ? gapXs[next] : Double.POSITIVE_INFINITY;
        }

        private void ensureBuffers(int size) {
            if (bufferX == null || bufferX.length < size) {
                bufferX = new double[size];
                bufferY = new double[size];
            }
        }

        /** The first index whose x is above {@code value}, or at it when {@code orAt} ({@code n} when none is). */
        private int firstAbove(double value, boolean orAt) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] < value || !orAt && xs[mid] == value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** True when the first {@code n} of {@code xs} never go down (so a view's points are one run of them). */
    static boolean ascending(double[] xs, int n) {
        for (int i = 1; i < n; i++) {
            if (xs[i] < xs[i - 1]) {
                return false;
            }
        }
        return true;
    }


    /**
     * A number axis that says when its range is set while it is not automatic (by the zoomer: a zoom, a pan, a
     * step back), once for the two ends.
     */
    static final class ViewAxis extends DefaultNumericAxis {
        private Runnable onUserRange = () -> { };

        @Override
        public boolean set(double min, double max) {
            boolean changed = super.set(min, max);
            if (changed && !isAutoRanging()) {
                onUserRange.run();
            }
            return changed;
        }
    }
}
