package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chart's {@code box} series as plotly draws Redash's: per series, one box ({@link BoxStats}) of the values that
 * share an x; the x values in the order the shaper sorted them.
 *
 * @param xs     every x that has a box, in drawing order
 * @param series per series its boxes by x
 */
public record BoxPlot(List<Object> xs, List<Series> series) {

    public record Series(String name, Map<Object, BoxStats> boxes) {
    }

    /** The boxes of a shaped chart (each result row one point, see {@link ChartShaper}). */
    public static BoxPlot of(ShapedChart chart) {
        Set<Object> xs = new LinkedHashSet<>();
        List<Series> series = new ArrayList<>();
        for (ChartSeries s : chart.series()) {
            Map<Object, List<Double>> values = new LinkedHashMap<>();
            for (ChartPoint point : s.points()) {
                if (point.value() != null) {
                    values.computeIfAbsent(point.x() == null ? "" : point.x(), k -> new ArrayList<>())
                            .add(point.value());
                }
            }
            Map<Object, BoxStats> boxes = new LinkedHashMap<>();
            values.forEach((x, v) -> boxes.put(x, BoxStats.of(v)));
            xs.addAll(boxes.keySet());
            series.add(new Series(s.name(), boxes));
        }
        return new BoxPlot(List.copyOf(xs), List.copyOf(series));
    }

    /** The lowest and highest value any box draws (whiskers and outliers), for the value axis. */
    public double[] range() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (BoxStats box : s.boxes().values()) {
                low = Math.min(low, box.min());
                high = Math.max(high, box.max());
            }
        }
        return low > high ? new double[] {0, 1} : new double[] {low, high};
    }
}
