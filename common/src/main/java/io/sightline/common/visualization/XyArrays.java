package io.sightline.common.visualization;

import io.sightline.common.visualization.ChartOptions.Role;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The simplest large chart, one line or scatter of one y column against a date or number x, shaped straight into
 * two arrays of positions instead of a {@link ChartPoint} (and a boxed x and y) per row: the same points, in the
 * same order, as {@link ChartShaper#shape} gives, with the null values left out, as a large-data chart draws them.
 *
 * @param name the series' name, as {@link ChartSeries#name()}
 * @param points how many points {@link ChartShaper#shape} would give the series (null values included)
 * @param xs dates as epoch seconds (UTC), numbers as they are
 * @param ys the values, none null
 * @param gapXs the x of each null value, in the same order as {@code xs}: a line leaves a gap there
 * @param gapsBefore for each null value, how many of {@code xs} come before it (where the line breaks when its x
 *                   is not ascending, so that the gap's x alone does not place it)
 * @param notes as {@link ShapedChart#notes()}
 */
public record XyArrays(XKind xKind, String name, int points, double[] xs, double[] ys, double[] gapXs,
                       int[] gapsBefore, List<String> notes) {

    /**
     * The arrays, or null when the chart is not of that simple kind (a series column, several y columns, sizes,
     * errors, a comparison, stacking, a point budget of its own, a series typed otherwise, category x or a row
     * without an x value): {@link ChartShaper#shape} then shapes it.
     */
    public static XyArrays of(ResultData result, ChartOptions options) {
        SeriesType type = options.globalSeriesType();
        Map<String, Role> mapping = options.columnMapping();
        List<String> xColumns = ChartShaper.all(mapping, Role.X);
        List<String> yColumns = ChartShaper.all(mapping, Role.Y);
        if (type != SeriesType.LINE && type != SeriesType.SCATTER || xColumns.isEmpty() || yColumns.size() != 1
                || !ChartShaper.all(mapping, Role.SERIES).isEmpty() || !ChartShaper.all(mapping, Role.SIZE).isEmpty()
                || !ChartShaper.all(mapping, Role.YERROR).isEmpty() || options.comparison() != null
                || options.stacked() || options.pointBudget() > 0) {
            return null;
        }
        String xColumn = xColumns.get(0);
        String yColumn = yColumns.get(0);
        if (options.seriesType(yColumn) != type) {
            return null;
        }
        XKind kind = ChartShaper.xKind(options.xAxisType(), result.column(xColumn));
        if (kind == XKind.CATEGORY) {
            return null;
        }
        int n = result.rows().size();
        long[] seconds = new long[n]; // dates: epoch second and nanosecond, ordered as LocalDateTime orders them
        int[] nanos = kind == XKind.DATETIME ? new int[n] : null;
        double[] numbers = kind == XKind.NUMBER ? new double[n] : null;
        double[] values = new double[n];
        boolean[] gaps = new boolean[n];
        int kept = 0;
        int unreadable = 0;
        for (Map<String, Object> row : result.rows()) {
            Object cell = row.get(xColumn);
            if (cell == null) {
                return null; // a point with no x: drawn at its index, left to the general path
            }
            if (kind == XKind.DATETIME) {
                LocalDateTime x = ChartValues.dateTime(cell);
                if (x == null) {
                    unreadable++;
                    continue;
                }
                seconds[kept] = x.toEpochSecond(ZoneOffset.UTC);
                nanos[kept] = x.getNano();
            } else {
                Double x = ChartValues.number(cell);
                if (x == null) {
                    unreadable++;
                    continue;
                }
                numbers[kept] = x;
            }
            Double y = ChartValues.number(row.get(yColumn));
            gaps[kept] = y == null;
            values[kept] = y == null ? 0 : y;
            kept++;
        }
        int[] order = order(kept, kind == XKind.DATETIME ? (int a, int b) -> {
            int bySecond = Long.compare(seconds[a], seconds[b]);
            return bySecond != 0 ? bySecond : Integer.compare(nanos[a], nanos[b]);
        } : (a, b) -> Double.compare(numbers[a], numbers[b]), options);
        double[] xs = new double[kept];
        double[] ys = new double[kept];
        double[] gapXs = new double[kept];
        int[] gapsBefore = new int[kept];
        int drawn = 0;
        int missing = 0;
        for (int i : order) {
            double x = kind == XKind.DATETIME ? seconds[i] : numbers[i];
            if (gaps[i]) {
                gapsBefore[missing] = drawn;
                gapXs[missing++] = x;
            } else {
                xs[drawn] = x;
                ys[drawn] = values[i];
                drawn++;
            }
        }
        List<String> notes = new ArrayList<>();
        if (unreadable > 0) {
            notes.add(unreadable + " row(s) left out: their " + xColumn + " is not a " + ChartShaper.kindName(kind));
        }
        return new XyArrays(kind, ChartShaper.displayName(options, yColumn), kept, Arrays.copyOf(xs, drawn),
                Arrays.copyOf(ys, drawn), Arrays.copyOf(gapXs, missing), Arrays.copyOf(gapsBefore, missing),
                List.copyOf(notes));
    }

    /** Compares two points by their x, by index (without boxing the indexes). */
    private interface ByX {
        int compare(int a, int b);
    }

    /** Indexes 0..n-1 in drawing order: sorted by x when {@code sortX} (stably, as the shaper), then reversed. */
    private static int[] order(int n, ByX byX, ChartOptions options) {
        int[] order = new int[n];
        boolean ascending = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            ascending &= i == 0 || byX.compare(i - 1, i) <= 0;
        }
        if (options.sortX() && !ascending) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, byX::compare);
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
        }
        if (options.reverseX()) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }
}
