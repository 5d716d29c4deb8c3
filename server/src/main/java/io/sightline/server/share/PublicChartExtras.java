package io.sightline.server.share;

import io.sightline.common.visualization.BoxPlot;
import io.sightline.common.visualization.BoxStats;
import io.sightline.common.visualization.ChartOptions;
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
 * {@code heatmap}'s cells with their fills ({@link Heatmap}), and the value axes' titles and ranges
 * ({@code yAxis[0]}, {@code yAxis[1]}: the right one).
 */
final class PublicChartExtras {

    private PublicChartExtras() {
    }

    /** {@code x}: the box's x as the page's category; each box {@code [low whisker, q1, median, q3, high whisker]}. */
    static Map<String, Object> box(ShapedChart shaped) {
        BoxPlot plot = BoxPlot.of(shaped);
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

    /** {@code yAxis[i]}: its title (null: none) and saved range (null: automatic). */
    static List<Map<String, Object>> axes(ChartOptions options) {
        List<Map<String, Object>> axes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> axis = new LinkedHashMap<>();
            String title = options.string("yAxis." + i + ".title.text");
            axis.put("title", title == null || title.isBlank() ? null : title);
            Object min = options.get("yAxis." + i + ".rangeMin");
            Object max = options.get("yAxis." + i + ".rangeMax");
            axis.put("min", min instanceof Number n ? n.doubleValue() : null);
            axis.put("max", max instanceof Number n ? n.doubleValue() : null);
            axes.add(axis);
        }
        return axes;
    }

    private static Object label(Object x) {
        if (x instanceof LocalDateTime t) {
            return t.toString();
        }
        return x instanceof Number ? x : String.valueOf(x);
    }
}
