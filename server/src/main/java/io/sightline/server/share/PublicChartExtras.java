package io.sightline.server.share;

import io.sightline.common.visualization.AxisTicks;
import io.sightline.common.visualization.BoxPlot;
import io.sightline.common.visualization.BoxPlotOptions;
import io.sightline.common.visualization.BoxStats;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.Heatmap;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.ShapedChart;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code CHART} answer beyond plain series, computed with {@code common} as the desktop draws them:
 * a {@code box} chart's boxes ({@link BoxPlot}: whiskers at 1.5 × IQR, the values beyond as outliers), a
 * {@code heatmap}'s cells with their fills ({@link Heatmap}), and the value axes' titles, ranges and tick texts
 * ({@code yAxis[0]}, {@code yAxis[1]}: the right one).
 */
final class PublicChartExtras {

    private PublicChartExtras() {
    }

    /** {@code x}: the box's x as the page's category; each box {@code [low whisker, q1, median, q3, high whisker]}. */
    static Map<String, Object> box(ShapedChart shaped) {
        return box(BoxPlot.of(shaped));
    }

    /**
     * A {@code BOXPLOT} (Redash's deprecated box plot) as a chart answer the page draws like a box chart: one box
     * per column ({@link BoxPlotOptions#boxes}), {@code x_title} and the value axis's title from the saved labels.
     */
    static Map<String, Object> legacyBoxPlot(ResultData data, BoxPlotOptions options) {
        Map<String, Object> chart = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", options.yAxisLabel().isBlank() ? null : options.yAxisLabel());
        values.put("min", null);
        values.put("max", null);
        values.put("ticks", null);
        chart.put("y_axes", List.of(values));
        chart.put("x_title", options.xAxisLabel().isBlank() ? null : options.xAxisLabel());
        chart.put("box", box(options.boxes(data)));
        chart.put("x_kind", "category");
        chart.put("stacked", false);
        chart.put("percent", false);
        chart.put("legend", false);
        chart.put("swapped", false);
        chart.put("notes", List.of());
        chart.put("series", List.of());
        return chart;
    }

    private static Map<String, Object> box(BoxPlot plot) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (BoxPlot.Series s : plot.series()) {
            List<Map<String, Object>> boxes = new ArrayList<>();
            s.boxes().forEach((x, stats) -> {
                if (stats == null) {
                    return;
                }
                Map<String, Object> box = new LinkedHashMap<>();
                box.put("x", label(x));
                box.put("box", List.of(stats.lowerWhisker(), stats.q1(), stats.median(), stats.q3(),
                        stats.upperWhisker()));
                box.put("mean", stats.mean());
                box.put("count", stats.count());
                box.put("outliers", stats.outliers());
                boxes.add(box);
            });
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("boxes", boxes);
            series.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("xs", plot.xs().stream().map(PublicChartExtras::label).toList());
        out.put("series", series);
        return out;
    }

    /** Every cell {@code [x index, y index, z, fill, text]}, the fill {@code #rrggbb} of z on the scheme. */
    static Map<String, Object> heatmap(ResultData data, ChartOptions options) {
        Heatmap heatmap = Heatmap.of(data, options);
        List<List<Object>> cells = new ArrayList<>();
        for (int y = 0; y < heatmap.z().size(); y++) {
            List<Double> row = heatmap.z().get(y);
            for (int x = 0; x < row.size(); x++) {
                double z = row.get(x);
                cells.add(List.of(x, y, z, heatmap.color(z).hex(), NumberFormat.format(z, options.numberFormat())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("xs", heatmap.xs());
        out.put("ys", heatmap.ys());
        out.put("z_min", heatmap.zMin());
        out.put("z_max", heatmap.zMax());
        out.put("cells", cells);
        out.put("labels", options.bool("showDataLabels"));
        return out;
    }

    /**
     * {@code yAxis[i]}: its title (null: none), saved range (null: automatic) and, for an axis of plain series
     * (bars, lines, areas, dots) on a linear scale, its {@code ticks} ({@link AxisTicks}: min, max, interval and
     * each tick's text in {@link ChartOptions#axisFormat}), as the workbench writes them; null otherwise.
     */
    static List<Map<String, Object>> axes(ChartOptions options, ShapedChart shaped) {
        List<Map<String, Object>> axes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> axis = new LinkedHashMap<>();
            String title = options.string("yAxis." + i + ".title.text");
            axis.put("title", title == null || title.isBlank() ? null : title);
            Object min = options.get("yAxis." + i + ".rangeMin");
            Object max = options.get("yAxis." + i + ".rangeMax");
            Double savedMin = min instanceof Number n ? n.doubleValue() : null;
            Double savedMax = max instanceof Number n ? n.doubleValue() : null;
            axis.put("min", savedMin);
            axis.put("max", savedMax);
            axis.put("ticks", ticks(options, shaped, i, savedMin, savedMax));
            axes.add(axis);
        }
        return axes;
    }

    private static Map<String, Object> ticks(ChartOptions options, ShapedChart shaped, int axis, Double savedMin,
                                             Double savedMax) {
        boolean plain = switch (options.globalSeriesType()) {
            case COLUMN, LINE, AREA, SCATTER, BUBBLE -> true;
            default -> false;
        };
        if (!plain || "logarithmic".equals(options.string("yAxis." + axis + ".type"))) {
            return null;
        }
        boolean percent = axis == 0 && options.stacked() && options.percentValues();
        double low = 0;
        double high = percent ? 100 : 0;
        boolean any = false;
        for (ChartSeries s : shaped.series()) {
            if (s.yAxis() != axis) {
                continue;
            }
            for (ChartPoint p : s.points()) {
                if (p.y() != null) {
                    any = true;
                    low = Math.min(low, Math.min(p.y(), p.base()));
                    high = Math.max(high, Math.max(p.y(), p.base()));
                }
            }
        }
        if (!any) {
            return null;
        }
        AxisTicks ticks = AxisTicks.of(low, high, savedMin, savedMax, options.axisFormat(axis));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min", ticks.min());
        out.put("max", ticks.max());
        out.put("interval", ticks.interval());
        out.put("labels", ticks.labels());
        return out;
    }

    private static Object label(Object x) {
        if (x instanceof LocalDateTime t) {
            return t.toString();
        }
        return x instanceof Number ? x : String.valueOf(x);
    }
}
