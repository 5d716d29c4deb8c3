package io.sightline.desktop.visualization.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.MouseEventsHelper;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.SeriesColors;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import io.sightline.common.visualization.XyArrays;
import io.sightline.desktop.visualization.chart.VisibleRange.ViewAxis;
import io.sightline.desktop.visualization.render.WheelZoom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;

/**
 * Lines and scatters past the point budget, drawn with ChartFX (docs/decisions/0028): it paints on a canvas and
 * reduces points per pixel while drawing, so 100,000 points draw in well under a second where
 * {@code javafx.scene.chart}, one node per point, takes minutes. Both zoom and pan (ChartFX's {@link Zoomer}).
 * Scatters are drawn whole; a line is handed to ChartFX as the points of the view's x range thinned by
 * largest-triangle-three-buckets to {@link #LINE_POINTS} ({@link VisibleRange}), rather than ChartFX reducing every
 * point on each redraw. Where a line has no value it leaves a gap (plotly's {@code connectgaps: false}): the points
 * handed over have a NaN between the points on either side ({@link VisibleRange}), and the renderer allows NaNs, so
 * that it draws the line in pieces, starting again at the first point after each NaN. (Without that setting it hands
 * the NaN on to the canvas's polyline, which leaves the gap too under Prism today, but that is the canvas's doing,
 * not a promise of ChartFX's.) A line drawn right to left ({@code reverseX}) is handed over left to right, the same
 * line; one whose x goes back and forth has its NaNs placed by their place in the line ({@link UnorderedLine}): its
 * gaps' x values alone cannot say between which points they fall, and it used to be joined across them. The SVG
 * export writes the chart as vectors ({@link LargeChartSvg}), not as pictures of its canvases.
 */
final class LargeXyChart {

    private static final Pattern SERIES_NOTE = Pattern.compile("Series '(.*)': (.*)", Pattern.DOTALL);

    /** ChartFX's stylesheet has a {@code default-colorN} style for data sets 0 to 15. */
    private static final int MAX_DATASET_COLORS = 16;

    /**
     * Points per line handed to ChartFX for the view: about five a pixel across a wide plot, where a line's peaks
     * survive the thinning; zooming in shows more of them.
     */
    static final int LINE_POINTS = 5_000;

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
        // the arrays are the chart's from here on (a view is drawn from them; the renderer keeps no copy)
        double[] xs = line.xs();
        double[] ys = line.ys();
        int[] gapsBefore = line.gapsBefore();
        int n = xs.length;
        boolean logX = ValueAxes.logarithmicX(options, line.xKind());
        boolean logY = ValueAxes.logarithmic(options, 0);
        if (logX || logY) {
            xs = xs.clone();
            ys = ys.clone();
            gapsBefore = gapsBefore.clone();
            n = placeable(xs, ys, n, gapsBefore, logX, logY, notes);
        }
        renderer.getDatasets().add(dataSet(line.name(), xs, ys, n, line.gapXs(), gapsBefore, type, notes,
                visibleRange(chart)));
        chart.setStyle(datasetColors(SeriesColors.of(options, List.of(line.name()))));
        chart.setLegendVisible(false);
        return chart;
    }

    /** The chart; {@code notes} gets a line per thinned series. */
    static Node draw(ShapedChart shaped, ChartOptions options, SeriesType type, List<String> notes) {
        XYChart chart = chart(shaped.xKind(), options, type);
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        List<String> perSeries = new ArrayList<>();
        for (ChartSeries series : shaped.series()) {
            int n = 0;
            int missing = 0;
            double[] xs = new double[series.points().size()];
            double[] ys = new double[series.points().size()];
            double[] gapXs = new double[series.points().size()];
            int[] gapsBefore = new int[series.points().size()];
            for (ChartPoint point : series.points()) {
                double x = point.x() instanceof LocalDateTime t ? t.toEpochSecond(ZoneOffset.UTC)
                        : point.x() instanceof Number v ? v.doubleValue() : n;
                if (point.y() == null) {
                    gapsBefore[missing] = n;
                    gapXs[missing++] = x;
                    continue;
                }
                xs[n] = x;
                ys[n] = point.y();
                n++;
            }
            gapsBefore = Arrays.copyOf(gapsBefore, missing);
            n = placeable(xs, ys, n, gapsBefore, ValueAxes.logarithmicX(options, shaped.xKind()),
                    ValueAxes.logarithmic(options, 0), notes);
            renderer.getDatasets().add(dataSet(series.name(), xs, ys, n, Arrays.copyOf(gapXs, missing), gapsBefore,
                    type, perSeries, visibleRange(chart)));
        }
        notes.addAll(alike(perSeries));
        chart.setStyle(datasetColors(SeriesColors.of(options, shaped.series().stream().map(ChartSeries::name)
                .toList())));
        chart.setLegendVisible(options.legendEnabled() && shaped.series().size() > 1);
        return chart;
    }

    private static XYChart chart(XKind kind, ChartOptions options, SeriesType type) {
        ViewAxis x = new ViewAxis();
        x.setAutoRangeRounding(false);
        if (kind == XKind.DATETIME) {
            x.setTimeAxis(true); // epoch seconds
        }
        DefaultNumericAxis y = new DefaultNumericAxis();
        // as the other charts: an axis has a title only when the options give it one (ChartFX's default would
        // print "axis label []")
        x.setName(blankToNull(options.string("xAxis.title.text")));
        x.setUnit(null);
        y.setName(blankToNull(options.string("yAxis.0.title.text")));
        y.setUnit(null);
        // Redash's logarithmic scales, drawn by ChartFX's own log axes (their zoom works in log space)
        y.setLogAxis(ValueAxes.logarithmic(options, 0));
        x.setLogAxis(ValueAxes.logarithmicX(options, kind));
        Object min = options.get("yAxis.0.rangeMin");
        Object max = options.get("yAxis.0.rangeMax");
        if (min instanceof Number lo && max instanceof Number hi && hi.doubleValue() > lo.doubleValue()
                && (!y.isLogAxis() || lo.doubleValue() > 0)) {
            y.setAutoRanging(false);
            y.set(lo.doubleValue(), hi.doubleValue());
        }
        y.setTickLabelFormatter(ValueAxes.formatter(options.numberFormat()));
        XYChart chart = new XYChart(x, y);
        chart.setId("chart-large-" + type.name().toLowerCase(java.util.Locale.ROOT));
        chart.getStyleClass().addAll("visualization-chart", "large-chart");
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(type == SeriesType.SCATTER ? LineStyle.NONE : LineStyle.NORMAL);
        renderer.setDrawMarker(type == SeriesType.SCATTER);
        // the points have no errors: ChartFX's default error surface would fill a polygon through every point on
        // each redraw (for 100,000 scattered points, most of a resize's time)
        renderer.setErrorStyle(ErrorStyle.NONE);
        // a NaN between two points is a gap in the line: with this ChartFX starts the line again after it
        renderer.setAllowNaNs(type == SeriesType.LINE);
        chart.getRenderers().setAll(renderer);
        LargeChartSvg.attach(chart, renderer, type == SeriesType.SCATTER);
        Zooming zoomer = new Zooming(type == SeriesType.LINE ? AxisMode.X : AxisMode.XY);
        chart.getPlugins().add(zoomer);
        LargePointHover.attach(chart, renderer, kind, options, type == SeriesType.LINE);
        chart.getProperties().put(VisibleRange.class, new VisibleRange(x));
        return chart;
    }

    /**
     * Keeps, at the front of {@code xs} and {@code ys}, the first {@code n} points a logarithmic axis can place
     * (above zero on it), and counts in {@code gapsBefore} only those kept; returns how many, and notes the ones left
     * out.
     */
    private static int placeable(double[] xs, double[] ys, int n, int[] gapsBefore, boolean logX, boolean logY,
                                 List<String> notes) {
        if (!logX && !logY) {
            return n;
        }
        int kept = 0;
        int gap = 0;
        for (int i = 0; i < n; i++) {
            while (gap < gapsBefore.length && gapsBefore[gap] == i) {
                gapsBefore[gap++] = kept;
            }
            if ((!logX || xs[i] > 0) && (!logY || ys[i] > 0)) {
                xs[kept] = xs[i];
                ys[kept] = ys[i];
                kept++;
            }
        }
        while (gap < gapsBefore.length) {
            gapsBefore[gap++] = kept;
        }
        if (kept < n) {
            notes.add(String.format(Locale.ROOT, "%,d %s at or below zero left out: a logarithmic axis cannot"
                    + " place %s", n - kept, n - kept == 1 ? "value" : "values", n - kept == 1 ? "it" : "them"));
        }
        return kept;
    }

    /**
     * Notes of several series that say the same ("Series 'a': 6,000 points drawn as 5,000 …") as one, naming them
     * all: a chart of ten sensors says it once, not ten times.
     */
    static List<String> alike(List<String> perSeries) {
        Map<String, List<String>> namesBySaying = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String note : perSeries) {
            Matcher m = SERIES_NOTE.matcher(note);
            if (m.matches()) {
                namesBySaying.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
            } else {
                others.add(note);
            }
        }
        List<String> merged = new ArrayList<>(others);
        namesBySaying.forEach((saying, names) -> merged.add("Series '" + String.join("', '", names) + "': "
                + (names.size() == 1 ? saying
                : saying.replaceFirst("^([\\d,]+) points", "$1 points each"))));
        return merged;
    }

    /**
     * Redash's colours for the series (a saved one, else the palette by place), as the looked-up colours ChartFX
     * draws its data sets in: {@code -color-dataset-1} … (it has styles for sixteen; more repeat from the first).
     */
    static String datasetColors(List<String> colors) {
        int count = Math.min(colors.size(), MAX_DATASET_COLORS);
        StringBuilder style = new StringBuilder();
        for (int i = 0; i < count; i++) {
            style.append("-color-dataset-").append(i + 1).append(": ").append(colors.get(i)).append("; ");
        }
        return style.append("-fx-color-count: ").append(Math.max(1, count)).append(';').toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static VisibleRange visibleRange(XYChart chart) {
        return (VisibleRange) chart.getProperties().get(VisibleRange.class);
    }

    /**
     * The first {@code n} points of {@code xs} and {@code ys} as a data set: a line in ascending x shows the view's
     * points, thinned (it keeps the arrays), with a gap at each of {@code gapXs} (ascending too); one in descending x
     * (reversed) is the same line turned round; a line whose x goes back and forth is thinned once, whole, with a gap
     * where {@code gapsBefore} places one ({@link UnorderedLine}); a scatter is every point.
     */
    private static DoubleDataSet dataSet(String name, double[] xs, double[] ys, int n, double[] gapXs,
                                         int[] gapsBefore, SeriesType type, List<String> notes,
                                         VisibleRange visible) {
        DoubleDataSet data = new DoubleDataSet(name);
        if (type == SeriesType.LINE && !VisibleRange.ascending(xs, n) && UnorderedLine.descending(xs, n)
                && UnorderedLine.descending(gapXs, gapXs.length)) {
            xs = UnorderedLine.reversed(xs, n);
            ys = UnorderedLine.reversed(ys, n);
            gapXs = UnorderedLine.reversed(gapXs, gapXs.length);
        }
        if (type == SeriesType.LINE && VisibleRange.ascending(xs, n) && VisibleRange.ascending(gapXs, gapXs.length)) {
            int shown = visible.line(xs, ys, n, gapXs, data);
            if (shown < n) {
                notes.add(String.format(Locale.ROOT, "Series '%s': %,d points drawn as %,d "
                        + "(largest-triangle-three-buckets); zooming in draws more of them, every point once few "
                        + "enough are in view", name, n, shown));
            }
            return data;
        }
        if (type == SeriesType.LINE) {
            int shown = UnorderedLine.fill(xs, ys, n, gapXs, gapsBefore, data);
            if (shown < n) {
                notes.add(String.format(Locale.ROOT, "Series '%s': %,d points drawn as %,d "
                        + "(largest-triangle-three-buckets)", name, n, shown));
            }
            return data;
        }
        data.set(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        return data;
    }

    /**
     * ChartFX's zoomer as the workbench uses it: drag a rectangle to zoom, the wheel zooms at the pointer (Ctrl +
     * wheel in a dashboard, {@link WheelZoom}), Shift + drag (or the middle button) pans, a right click steps back,
     * Ctrl + right click goes back to the whole chart. A line zooms in time alone (its y axis fits the points handed
     * over), a scatter in both.
     */
    private static final class Zooming extends Zoomer {
        Zooming(AxisMode mode) {
            super(mode);
            setAnimated(false);
            setSliderVisible(false);
            setPannerEnabled(true);
            setAddButtonsToToolBar(false);
            setZoomScrollFilter(event -> isMouseEventWithinCanvas(event) && WheelZoom.zooms(event, getChart()));
            setPanMouseFilter(event -> isMouseEventWithinCanvas(event)
                    && (MouseEventsHelper.isOnlyMiddleButtonDown(event) && MouseEventsHelper.modifierKeysUp(event)
                    || MouseEventsHelper.isOnlyPrimaryButtonDown(event) && event.isShiftDown()
                    && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown()));
        }
    }
}
