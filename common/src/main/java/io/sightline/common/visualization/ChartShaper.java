package io.sightline.common.visualization;

import io.sightline.common.visualization.ChartOptions.Role;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a result and chart options into the series every renderer draws, as Redash's {@code getChartData} and
 * plotly preparation do: one series per y column, or per value of the {@code series} column; x read by the axis
 * type (or the column type when auto); sorted; missing values as zero or gaps; stacked and percent; plus what
 * Sightline adds: the previous-period comparison and downsampling past a point budget.
 */
public final class ChartShaper {

    private ChartShaper() {
    }

    public static ShapedChart shape(ResultData result, ChartOptions options) {
        List<String> notes = new ArrayList<>();
        Map<String, Role> mapping = options.columnMapping();
        String xColumn = first(mapping, Role.X);
        List<String> yColumns = inResultOrder(all(mapping, Role.Y), result); // Redash walks each row's columns
        String seriesColumn = first(mapping, Role.SERIES);
        String sizeColumn = first(mapping, Role.SIZE);
        String errorColumn = first(mapping, Role.YERROR);
        XKind kind = xKind(options.xAxisType(), xColumn == null ? null : result.column(xColumn));

        Map<String, List<ChartPoint>> bySeries = new LinkedHashMap<>();
        int unreadable = 0;
        for (Map<String, Object> row : result.rows()) {
            Object x = xColumn == null ? null : x(kind, row.get(xColumn));
            if (xColumn != null && x == null && row.get(xColumn) != null) {
                unreadable++;
                continue;
            }
            Double size = sizeColumn == null ? null : ChartValues.number(row.get(sizeColumn));
            Double error = errorColumn == null ? null : ChartValues.number(row.get(errorColumn));
            if (seriesColumn != null) {
                Object group = row.get(seriesColumn);
                String name = group == null ? "null" : String.valueOf(group);
                Double y = yColumns.isEmpty() ? null : ChartValues.number(row.get(yColumns.get(yColumns.size() - 1)));
                bySeries.computeIfAbsent(name, k -> new ArrayList<>()).add(ChartPoint.of(x, y, size, error, row));
            } else {
                for (String yColumn : yColumns) {
                    Double y = ChartValues.number(row.get(yColumn));
                    bySeries.computeIfAbsent(yColumn, k -> new ArrayList<>()).add(ChartPoint.of(x, y, size, error, row));
                }
            }
        }
        if (unreadable > 0) {
            notes.add(unreadable + " row(s) left out: their " + xColumn + " is not a " + kindName(kind));
        }

        List<ChartSeries> series = new ArrayList<>();
        bySeries.forEach((name, points) -> series.add(new ChartSeries(displayName(options, name),
                options.seriesType(name), options.yAxisOf(name), points, false)));
        oneValueAxisWhenSwapped(series, options, notes);

        List<ChartSeries> compared = compare(series, kind, options, xColumn, result, notes);
        List<ChartSeries> sorted = compared.stream().map(s -> s.withPoints(sort(s.points(), options))).toList();
        List<ChartSeries> filled = fillMissing(sorted, options);
        List<ChartSeries> stacked = stack(filled, options);
        return new ShapedChart(kind, downsample(stacked, options, notes), List.copyOf(notes));
    }

    static XKind xKind(String axisType, ResultColumn column) {
        return switch (axisType == null ? "-" : axisType) {
            case "datetime" -> XKind.DATETIME;
            case "category" -> XKind.CATEGORY;
            case "linear", "logarithmic" -> XKind.NUMBER;
            default -> column == null ? XKind.CATEGORY
                    : column.temporal() ? XKind.DATETIME : column.numeric() ? XKind.NUMBER : XKind.CATEGORY;
        };
    }

    private static Object x(XKind kind, Object cell) {
        return switch (kind) {
            case DATETIME -> ChartValues.dateTime(cell);
            case NUMBER -> ChartValues.number(cell);
            case CATEGORY -> cell == null ? "null" : String.valueOf(cell);
        };
    }

    static String displayName(ChartOptions options, String series) {
        return options.seriesOptions(series).get("name") instanceof String s && !s.isBlank() ? s : series;
    }

    private static List<ChartPoint> sort(List<ChartPoint> points, ChartOptions options) {
        List<ChartPoint> sorted = new ArrayList<>(points);
        if (options.sortX()) {
            sorted.sort(Comparator.comparing(ChartPoint::x, ChartShaper::compareX));
        }
        if (options.reverseX()) {
            java.util.Collections.reverse(sorted);
        }
        return sorted;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareX(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /**
     * Every series of a bar, line or area chart gets a point at every x of the chart: zero when missing values are
     * zeros (Redash's default), else a gap (a null value), so stacks line up and lines break where data is missing.
     */
    private static List<ChartSeries> fillMissing(List<ChartSeries> series, ChartOptions options) {
        if (series.stream().filter(s -> fills(s.type())).count() < 2) {
            return series; // one series has a point at each of its own x values: nothing to line up
        }
        Set<Object> xs = new LinkedHashSet<>();
        series.stream().filter(s -> fills(s.type())).forEach(s -> s.points().forEach(p -> xs.add(p.x())));
        List<Object> order = new ArrayList<>(xs);
        if (options.sortX()) {
            order.sort(ChartShaper::compareX);
        }
        if (options.reverseX()) {
            java.util.Collections.reverse(order);
        }
        List<ChartSeries> filled = new ArrayList<>();
        for (ChartSeries s : series) {
            if (!fills(s.type()) || s.points().size() == order.size()) {
                filled.add(s);
                continue;
            }
            Map<Object, ChartPoint> byX = new HashMap<>();
            s.points().forEach(p -> byX.putIfAbsent(p.x(), p));
            List<ChartPoint> points = new ArrayList<>();
            for (Object x : order) {
                ChartPoint own = byX.get(x);
                points.add(own != null ? own
                        : ChartPoint.of(x, options.missingValuesAsZero() ? 0.0 : null, null, null, null));
            }
            filled.add(s.withPoints(points));
        }
        return filled;
    }

    private static boolean fills(SeriesType type) {
        return type == SeriesType.COLUMN || type == SeriesType.LINE || type == SeriesType.AREA;
    }

    /**
     * Stacks the bar and area series of each y axis point by point (positives upwards, negatives downwards; an area's
     * missing value as 0, whether or not missing values are zeros: only unstacked lines and areas have gaps); with
     * percent values every value becomes its share of the total at its x, in percent (0 to 100, not 0 to 1).
     */
    private static List<ChartSeries> stack(List<ChartSeries> series, ChartOptions options) {
        if (!options.stacked()) {
            return series;
        }
        Map<String, Double> totals = new HashMap<>();
        if (options.percentValues()) {
            for (ChartSeries s : series) {
                if (stacks(s.type())) {
                    s.points().forEach(p -> totals.merge(s.yAxis() + "|" + key(p.x()),
                            p.value() == null ? 0 : Math.abs(p.value()), Double::sum));
                }
            }
        }
        Map<String, double[]> tops = new HashMap<>(); // [positive top, negative bottom] per axis and x
        List<ChartSeries> stacked = new ArrayList<>();
        for (ChartSeries s : series) {
            if (!stacks(s.type())) {
                stacked.add(s);
                continue;
            }
            List<ChartPoint> points = new ArrayList<>();
            for (ChartPoint p : s.points()) {
                String at = s.yAxis() + "|" + key(p.x());
                if (p.value() == null) {
                    // a stacked area has no gap: it is 0 there, a band of no height on the ones below (a bar: none)
                    double top = tops.computeIfAbsent(at, k -> new double[2])[0];
                    points.add(s.type() == SeriesType.AREA ? p.drawnAt(top, top) : p);
                    continue;
                }
                double value = p.value();
                if (options.percentValues()) {
                    double total = totals.getOrDefault(at, 0.0);
                    value = total == 0 ? 0 : value / total * 100;
                }
                double[] top = tops.computeIfAbsent(at, k -> new double[2]);
                int side = value >= 0 ? 0 : 1;
                double base = top[side];
                top[side] += value;
                points.add(p.drawnAt(top[side], base));
            }
            stacked.add(s.withPoints(points));
        }
        return stacked;
    }

    private static boolean stacks(SeriesType type) {
        return type == SeriesType.COLUMN || type == SeriesType.AREA;
    }

    private static String key(Object x) {
        return String.valueOf(x);
    }

    /**
     * {@code sightline.comparison}: the points of the period before the current one are drawn as their own series
     * "name (previous year)" / "name (previous period)". Which period a point is in is read from the comparison's
     * {@code column}, a date column (the x column when it names none): the current period ends at its latest date, a
     * year long for {@code previous_year}, half the dates' span for {@code previous_period} (the result holds the two
     * periods); older points are left out. On a date x axis the previous points are moved forward by one period onto
     * the current one; on any other x (a month's name, a week number from the date) they stay at their x, so the
     * two periods overlay by it.
     */
    private static List<ChartSeries> compare(List<ChartSeries> series, XKind kind, ChartOptions options,
                                             String xColumn, ResultData result, List<String> notes) {
        Map<String, Object> comparison = options.comparison();
        if (comparison == null) {
            return series;
        }
        String dateColumn = comparison.get("column") instanceof String c && !c.isBlank() ? c : xColumn;
        boolean onX = dateColumn != null && dateColumn.equals(xColumn);
        if (dateColumn == null || !onX && result.column(dateColumn) == null) {
            notes.add("The comparison's date column " + (dateColumn == null ? "is not set" : dateColumn
                    + " is not in the result") + "; it is not drawn");
            return series;
        }
        if (onX && kind != XKind.DATETIME) {
            notes.add("The comparison with a previous period needs dates on the x axis or in its own column; it is"
                    + " not drawn");
            return series;
        }
        java.util.function.Function<ChartPoint, LocalDateTime> dateOf = onX ? p -> (LocalDateTime) p.x()
                : p -> p.row() == null ? null : ChartValues.dateTime(p.row().get(dateColumn));
        String period = String.valueOf(comparison.getOrDefault("period", "previous_year"));
        LocalDateTime min = null;
        LocalDateTime max = null;
        int undated = 0;
        for (ChartSeries s : series) {
            for (ChartPoint p : s.points()) {
                LocalDateTime date = dateOf.apply(p);
                if (date == null) {
                    undated++;
                    continue;
                }
                min = min == null || date.isBefore(min) ? date : min;
                max = max == null || date.isAfter(max) ? date : max;
            }
        }
        if (undated > 0) {
            notes.add(undated + " point(s) left out of the comparison: their " + dateColumn + " is not a date");
        }
        if (max == null) {
            return series;
        }
        boolean yearly = !"previous_period".equals(period);
        Duration half = Duration.between(min, max).dividedBy(2);
        LocalDateTime currentStart = yearly ? max.minusYears(1) : max.minus(half);
        LocalDateTime previousStart = yearly ? max.minusYears(2) : currentStart.minus(half);
        String label = yearly ? "previous year" : "previous period";
        List<ChartSeries> compared = new ArrayList<>();
        List<ChartSeries> previous = new ArrayList<>();
        for (ChartSeries s : series) {
            List<ChartPoint> current = new ArrayList<>();
            List<ChartPoint> before = new ArrayList<>();
            for (ChartPoint p : s.points()) {
                LocalDateTime date = dateOf.apply(p);
                if (date == null) {
                    continue;
                }
                if (date.isAfter(currentStart)) {
                    current.add(p);
                } else if (date.isAfter(previousStart)) {
                    before.add(kind != XKind.DATETIME ? p
                            : p.movedTo(shifted((LocalDateTime) p.x(), yearly, half)));
                }
            }
            compared.add(s.withPoints(current));
            if (!before.isEmpty()) {
                SeriesType type = s.type() == SeriesType.COLUMN ? SeriesType.LINE : s.type();
                previous.add(new ChartSeries(s.name() + " (" + label + ")", type, s.yAxis(), before, true));
            }
        }
        if (previous.isEmpty()) {
            notes.add("The result has no data for the " + label + "; only the current period is drawn");
        }
        compared.addAll(previous);
        return compared;
    }

    private static LocalDateTime shifted(LocalDateTime x, boolean yearly, Duration half) {
        return yearly ? x.plusYears(1) : x.plus(half);
    }

    /**
     * Past {@code sightline.pointBudget} points a series is thinned: lines and areas by largest-triangle-three-
     * buckets (their shape survives), scatter and bubbles by an even stride. Bars and pies are never thinned.
     */
    /**
     * Redash has no second value axis on a swapped (horizontal) chart: its editor moves every series to the left
     * axis when the axes are swapped, and its renderer drops {@code yaxis2}. Options saved otherwise (by the API,
     * an import) are drawn the same way, and the chart says so.
     */
    private static void oneValueAxisWhenSwapped(List<ChartSeries> series, ChartOptions options, List<String> notes) {
        List<String> right = series.stream().filter(s -> s.yAxis() == 1).map(ChartSeries::name).toList();
        if (!options.swappedAxes() || right.isEmpty()) {
            return;
        }
        series.replaceAll(s -> s.yAxis() == 1 ? new ChartSeries(s.name(), s.type(), 0, s.points(), s.comparison()) : s);
        notes.add("Swapped axes have one value axis, as in Redash: " + String.join(", ", right)
                + (right.size() == 1 ? " is" : " are") + " drawn against it, not against a right axis");
    }

    private static List<ChartSeries> downsample(List<ChartSeries> series, ChartOptions options, List<String> notes) {
        int budget = options.pointBudget();
        if (budget <= 0) {
            return series;
        }
        List<ChartSeries> result = new ArrayList<>();
        for (ChartSeries s : series) {
            int n = s.points().size();
            boolean line = s.type() == SeriesType.LINE || s.type() == SeriesType.AREA;
            boolean scatter = s.type() == SeriesType.SCATTER || s.type() == SeriesType.BUBBLE;
            if (n <= budget || !line && !scatter) {
                result.add(s);
                continue;
            }
            int[] kept;
            if (line) {
                double[] xs = new double[n];
                Double[] ys = new Double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = ChartValues.position(s.points().get(i).x(), i);
                    ys[i] = s.points().get(i).y();
                }
                kept = Lttb.select(xs, ys, budget);
            } else {
                kept = Lttb.stride(n, budget);
            }
            List<ChartPoint> points = new ArrayList<>(kept.length);
            for (int i : kept) {
                points.add(s.points().get(i));
            }
            result.add(s.withPoints(points));
            notes.add(String.format(Locale.ROOT, "Series '%s': %,d points drawn as %,d (%s)", s.name(), n, kept.length,
                    line ? "largest-triangle-three-buckets" : "every " + Math.max(1, n / budget) + "th point"));
        }
        return result;
    }

    private static String first(Map<String, Role> mapping, Role role) {
        return mapping.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    static List<String> all(Map<String, Role> mapping, Role role) {
        return mapping.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).toList();
    }

    private static List<String> inResultOrder(List<String> columns, ResultData result) {
        List<String> ordered = new ArrayList<>();
        result.columns().forEach(c -> {
            if (columns.contains(c.name())) {
                ordered.add(c.name());
            }
        });
        columns.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    static String kindName(XKind kind) {
        return switch (kind) {
            case DATETIME -> "date";
            case NUMBER -> "number";
            case CATEGORY -> "category";
        };
    }
}
