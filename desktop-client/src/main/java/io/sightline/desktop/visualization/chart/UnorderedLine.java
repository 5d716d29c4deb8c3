package io.sightline.desktop.visualization.chart;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.sightline.common.visualization.Lttb;
import java.util.Arrays;

/**
 * A large line whose x goes back and forth (not sorted, {@code sortX: false}), for ChartFX: thinned once, whole, by
 * largest-triangle-three-buckets to {@link LargeXyChart#LINE_POINTS}, with a NaN between two points kept wherever
 * the line had no value between them. Its gaps are placed by their place in the line ({@code gapsBefore}: how many
 * points come before each), since an x that goes back and forth does not say between which points a missing x lies;
 * {@link VisibleRange} places a sorted line's gaps by their x.
 */
final class UnorderedLine {

    private UnorderedLine() {
    }

    /**
     * Fills {@code data} with the first {@code n} points of {@code xs} and {@code ys}, thinned, and a NaN at each gap
     * that falls between two points kept ({@code gapXs} and {@code gapsBefore} in the line's order).
     *
     * @return how many points it shows (the NaNs not counted)
     */
    static int fill(double[] xs, double[] ys, int n, double[] gapXs, int[] gapsBefore, DoubleDataSet data) {
        int[] kept = n > LargeXyChart.LINE_POINTS ? Lttb.select(xs, ys, 0, n, LargeXyChart.LINE_POINTS) : null;
        int count = kept == null ? n : kept.length;
        double[] outX = new double[count + Math.min(count, gapsBefore.length)];
        double[] outY = new double[outX.length];
        int size = 0;
        int gap = 0;
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int index = kept == null ? i : kept[i];
            boolean broken = false;
            double brokenAt = 0;
            while (gap < gapsBefore.length && gapsBefore[gap] <= index) {
                if (previous >= 0 && gapsBefore[gap] > previous && !broken) {
                    broken = true; // a value missing between the point before and this one: no line across
                    brokenAt = gapXs[gap];
                }
                gap++;
            }
            if (broken) {
                outX[size] = brokenAt;
                outY[size] = Double.NaN;
                size++;
            }
            outX[size] = xs[index];
            outY[size] = ys[index];
            size++;
            previous = index;
        }
        data.set(Arrays.copyOf(outX, size), Arrays.copyOf(outY, size), false);
        return count;
    }

    /** True when the first {@code n} of {@code xs} never go up. */
    static boolean descending(double[] xs, int n) {
        for (int i = 1; i < n; i++) {
            if (xs[i] > xs[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code n} of {@code values} in the opposite order. */
    static double[] reversed(double[] values, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[n - 1 - i];
        }
        return out;
    }
}
