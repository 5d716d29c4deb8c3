package io.sightline.common.visualization;

import io.sightline.common.visualization.ChartOptions.Role;
import io.sightline.common.visualization.map.Rgb;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A chart's {@code heatmap} series as Redash builds it ({@code plotly/prepareHeatmapData.ts}): the distinct x and y
 * values (sorted unless {@code sortX} / {@code sortY} are off, reversed by {@code reverseX} / {@code reverseY}) and
 * per y and x the {@code zVal} of the first row with both, 0 where none. Colours run over Redash's default scheme, a
 * named plotly scale ({@link HeatmapSchemes}), or {@code heatMinColor} to {@code heatMaxColor} with
 * {@code colorScheme: "Custom..."}, from the smallest to the largest
 * z (or {@code rangeZMin} / {@code rangeZMax}).
 *
 * @param z per y (rows, in {@code ys} order) the value at each x
 */
public record Heatmap(List<String> xs, List<String> ys, List<List<Double>> z, double zMin, double zMax,
                      List<Stop> scheme) {

    /** A colour at a position (0–1) of the scale. */
    public record Stop(double at, Rgb color) {
    }

    static final List<Stop> DEFAULT_SCHEME = List.of(new Stop(0, Rgb.of("#356aff")), new Stop(0.14, Rgb.of("#4a7aff")),
            new Stop(0.28, Rgb.of("#5d87ff")), new Stop(0.42, Rgb.of("#7398ff")), new Stop(0.56, Rgb.of("#fb8c8c")),
            new Stop(0.71, Rgb.of("#ec6463")), new Stop(0.86, Rgb.of("#ec4949")), new Stop(1, Rgb.of("#e92827")));

    /** The heatmap of a result; empty when x, y or zVal is not mapped to a column of the result. */
    public static Heatmap of(ResultData result, ChartOptions options) {
        Map<String, Role> mapping = options.columnMapping();
        String x = column(mapping, Role.X, result);
        String y = column(mapping, Role.Y, result);
        String zColumn = column(mapping, Role.ZVAL, result);
        List<Stop> scheme = scheme(options);
        if (x == null || y == null || zColumn == null) {
            return new Heatmap(List.of(), List.of(), List.of(), 0, 0, scheme);
        }
        List<Object> xs = axis(result, x, options.sortX(), options.reverseX());
        List<Object> ys = axis(result, y, options.get("sortY") == null || options.bool("sortY"),
                options.bool("reverseY"));
        Map<List<Object>, Map<String, Object>> firstRowAt = new HashMap<>(); // the first row of each (x, y), as Redash
        for (Map<String, Object> r : result.rows()) {
            firstRowAt.putIfAbsent(Arrays.asList(r.get(x), r.get(y)), r);
        }
        List<List<Double>> z = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Object yValue : ys) {
            List<Double> row = new ArrayList<>();
            for (Object xValue : xs) {
                Map<String, Object> at = firstRowAt.get(Arrays.asList(xValue, yValue));
                Double value = at == null ? null : ChartValues.number(at.get(zColumn));
                double cell = value == null || value.isNaN() ? 0 : value;
                row.add(cell);
                low = Math.min(low, cell);
                high = Math.max(high, cell);
            }
            z.add(List.copyOf(row));
        }
        double zMin = options.number("rangeZMin", low);
        double zMax = options.number("rangeZMax", high);
        return new Heatmap(labels(xs, result.column(x), options), labels(ys, result.column(y), options),
                List.copyOf(z), zMin, zMax, scheme);
    }

    /** The colour of a value: its place between zMin and zMax on the scheme, blended in RGB between two stops. */
    public Rgb color(double value) {
        double t = zMax > zMin ? (value - zMin) / (zMax - zMin) : 0;
        t = Math.max(0, Math.min(1, t));
        for (int i = 1; i < scheme.size(); i++) {
            Stop lower = scheme.get(i - 1);
            Stop upper = scheme.get(i);
            if (t <= upper.at()) {
                double f = upper.at() > lower.at() ? (t - lower.at()) / (upper.at() - lower.at()) : 0;
                return new Rgb(mix(lower.color().red(), upper.color().red(), f),
                        mix(lower.color().green(), upper.color().green(), f),
                        mix(lower.color().blue(), upper.color().blue(), f));
            }
        }
        return scheme.get(scheme.size() - 1).color();
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static List<Stop> scheme(ChartOptions options) {
        List<Stop> named = HeatmapSchemes.named(options.string("colorScheme"));
        if (named != null) {
            return named;
        }
        if ("Custom...".equals(options.string("colorScheme"))) {
            Rgb min = Rgb.parse(options.string("heatMinColor"));
            Rgb max = Rgb.parse(options.string("heatMaxColor"));
            if (min != null && max != null) {
                return List.of(new Stop(0, min), new Stop(1, max));
            }
        }
        return DEFAULT_SCHEME;
    }

    private static String column(Map<String, Role> mapping, Role role, ResultData result) {
        return mapping.entrySet().stream().filter(e -> e.getValue() == role && result.column(e.getKey()) != null)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static List<Object> axis(ResultData result, String column, boolean sort, boolean reverse) {
        List<Object> values = new ArrayList<>(new LinkedHashSet<>(result.rows().stream().map(r -> r.get(column))
                .toList()));
        if (sort) {
            values.sort(Comparator.nullsLast(ChartShaper::compareX));
        }
        if (reverse) {
            java.util.Collections.reverse(values);
        }
        return values;
    }

    private static List<String> labels(List<Object> values, ResultColumn column, ChartOptions options) {
        return values.stream().map(v -> {
            if (column.temporal()) {
                LocalDateTime time = ChartValues.dateTime(v);
                if (time != null) {
                    return DateTimeFormat.format(time, options.dateTimeFormat());
                }
            }
            return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
        }).toList();
    }
}
