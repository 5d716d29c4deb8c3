package io.sightline.desktop.visualization.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.Lttb;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import io.sightline.common.visualization.XyArrays;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.util.StringConverter;

/**
 * Lines and scatters past the point budget, drawn with ChartFX (docs/decisions/0028): it paints on a canvas and
 * reduces points per pixel while drawing, so 100,000 points draw in well under a second where
 * {@code javafx.scene.chart}, one node per point, takes minutes. Scatters are drawn whole; a line past
 * {@link #LINE_POINTS} points is thinned once, by largest-triangle-three-buckets, to that many (twenty or more a
 * pixel across the widest screens, so its peaks survive), rather than ChartFX reducing every point on each redraw.
 */
final class LargeXyChart {

    /** Points per line handed to ChartFX. */
    static final int LINE_POINTS = 20_000;

    private LargeXyChart() {
    }

    /** True when this chart is drawn here: lines or scatters on a number or date axis, not stacked, not swapped. */
    static boolean suits(ShapedChart shaped, ChartOptions options, SeriesType type, int budget) {
        boolean xyType = type == SeriesType.LINE || type == SeriesType.SCATTER;
        boolean largest = shaped.series().stream().anyMatch(s -> s.points().size() > budget);
        return xyType && largest && shaped.xKind() != XKind.CATEGORY && !options.stacked()
                && !options.swappedAxes();
    }

    /** True when a chart of this type and these options may be drawn here (if its x is numbers or dates). */
    static boolean suitsType(ChartOptions options, SeriesType type) {
        return (type == SeriesType.LINE || type == SeriesType.SCATTER) && !options.stacked() && !options.swappedAxes();
    }

    /** The chart of one series shaped straight into arrays; {@code notes} gets a line if it is thinned. */
    static Node draw(XyArrays line, ChartOptions options, SeriesType type, List<String> notes) {
        XYChart chart = chart(line.xKind(), options, type);
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        double[] xs = line.xs().clone(); // thinned in place
        double[] ys = line.ys().clone();
        renderer.getDatasets().add(dataSet(line.name(), xs, ys, xs.length, type, notes));
        chart.setLegendVisible(false);
        return chart;
    }

    /** The chart; {@code notes} gets a line per thinned series. */
    static Node draw(ShapedChart shaped, ChartOptions options, SeriesType type, List<String> notes) {
        XYChart chart = chart(shaped.xKind(), options, type);
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        for (ChartSeries series : shaped.series()) {
            int n = 0;
            double[] xs = new double[series.points().size()];
            double[] ys = new double[series.points().size()];
            for (ChartPoint point : series.points()) {
                if (point.y() == null) {
                    continue;
                }
                xs[n] = point.x() instanceof LocalDateTime t ? t.toEpochSecond(ZoneOffset.UTC)
                        : point.x() instanceof Number v ? v.doubleValue() : n;
                ys[n] = point.y();
                n++;
            }
            renderer.getDatasets().add(dataSet(series.name(), xs, ys, n, type, notes));
        }
        chart.setLegendVisible(options.legendEnabled() && shaped.series().size() > 1);
        return chart;
    }

    private static XYChart chart(XKind kind, ChartOptions options, SeriesType type) {
        DefaultNumericAxis x = new DefaultNumericAxis();
        x.setAutoRangeRounding(false);
        if (kind == XKind.DATETIME) {
            x.setTimeAxis(true); // epoch seconds
        }
        DefaultNumericAxis y = new DefaultNumericAxis();
        String title = options.string("yAxis.0.title.text");
        if (title != null && !title.isBlank()) {
            y.setName(title);
        }
        String format = options.numberFormat();
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return NumberFormat.format(value, format);
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        XYChart chart = new XYChart(x, y);
        chart.setId("chart-large-" + type.name().toLowerCase(java.util.Locale.ROOT));
        chart.getStyleClass().add("visualization-chart");
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(type == SeriesType.SCATTER ? LineStyle.NONE : LineStyle.NORMAL);
        renderer.setDrawMarker(type == SeriesType.SCATTER);
        // the points have no errors: ChartFX's default error surface would fill a polygon through every point on
        // each redraw (for 100,000 scattered points, most of a resize's time)
        renderer.setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().setAll(renderer);
        return chart;
    }

    /** The first {@code n} points of {@code xs} and {@code ys} as a data set, a line thinned past its cap. */
    private static DoubleDataSet dataSet(String name, double[] xs, double[] ys, int n, SeriesType type,
                                         List<String> notes) {
        DoubleDataSet data = new DoubleDataSet(name);
        if (type == SeriesType.LINE && n > LINE_POINTS) {
            int[] kept = n == xs.length ? Lttb.select(xs, ys, LINE_POINTS)
                    : Lttb.select(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), LINE_POINTS);
            for (int i = 0; i < kept.length; i++) { // kept is ascending: in place
                xs[i] = xs[kept[i]];
                ys[i] = ys[kept[i]];
            }
            notes.add(String.format(Locale.ROOT, "Series '%s': %,d points drawn as %,d "
                    + "(largest-triangle-three-buckets)", name, n, kept.length));
            n = kept.length;
        }
        data.set(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        return data;
    }
}
