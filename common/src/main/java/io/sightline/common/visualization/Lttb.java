package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.List;

/**
 * Largest-triangle-three-buckets (Steinarsson, 2013): keeps the first and last point and, from each of
 * {@code budget - 2} equal buckets between them, the point forming the largest triangle with the point kept before
 * and the average of the next bucket. Lines keep their shape (peaks survive) with a fraction of the points.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * @param xs positions, ascending
     * @param ys values (a null is read as 0 for choosing, and kept as it is)
     * @return indexes of the points to keep, ascending; all of them when {@code budget} is not below the count
     */
    public static int[] select(double[] xs, Double[] ys, int budget) {
        double[] values = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            values[i] = y(ys[i]);
        }
        return select(xs, values, budget);
    }

    /**
     * @param xs positions, ascending
     * @param ys values
     * @return indexes of the points to keep, ascending; all of them when {@code budget} is not below the count
     */
    public static int[] select(double[] xs, double[] ys, int budget) {
        return select(xs, ys, 0, xs.length, budget);
    }

    /**
     * The same choice among the points {@code from} (inclusive) to {@code to} (exclusive) alone, as if they were
     * the whole line: what a zoomed view of a long line draws, without copying the line.
     *
     * @param xs positions, ascending
     * @param ys values
     * @return indexes into {@code xs} (from {@code from} on) of the points to keep, ascending; all of the range when
     *         {@code budget} is not below its count
     */
    public static int[] select(double[] xs, double[] ys, int from, int to, int budget) {
        int n = to - from;
        budget = Math.max(budget, 3); // first, last and at least one between
        if (budget >= n) {
            int[] all = new int[Math.max(n, 0)];
            for (int i = 0; i < n; i++) {
                all[i] = from + i;
            }
            return all;
        }
        int[] kept = new int[budget];
        double every = (double) (n - 2) / (budget - 2);
        int a = from;
        kept[0] = from;
        for (int i = 0; i < budget - 2; i++) {
            int nextStart = from + (int) Math.floor((i + 1) * every) + 1;
            int nextEnd = from + Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                avgX += xs[j];
                avgY += ys[j];
            }
            int count = Math.max(nextEnd - nextStart, 1);
            avgX /= count;
            avgY /= count;
            int start = from + (int) Math.floor(i * every) + 1;
            int end = from + (int) Math.floor((i + 1) * every) + 1;
            double largest = -1;
            int chosen = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]));
                if (area > largest) {
                    largest = area;
                    chosen = j;
                }
            }
            kept[i + 1] = chosen;
            a = chosen;
        }
        kept[budget - 1] = to - 1;
        return kept;
    }

    /** Every {@code step}-th index (for scatter, where no line shape is kept), first and last included. */
    static int[] stride(int n, int budget) {
        List<Integer> kept = new ArrayList<>();
        double step = (double) n / budget;
        for (int i = 0; i < budget; i++) {
            kept.add((int) Math.floor(i * step));
        }
        kept.set(kept.size() - 1, n - 1);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double y(Double value) {
        return value == null ? 0 : value;
    }
}
