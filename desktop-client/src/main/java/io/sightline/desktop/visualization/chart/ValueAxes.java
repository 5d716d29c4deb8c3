package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.util.StringConverter;

/**
 * The axes of the {@code javafx.scene.chart} charts as Redash's options set them: {@code yAxis[i]}'s scale
 * (linear or logarithmic), title and range ({@code rangeMin} / {@code rangeMax}, either may be left automatic), and
 * {@code xAxis}'s title and, for numbers, its logarithmic scale. Values a logarithmic axis cannot place (zero and
 * below) are left out of the drawing, and the chart's notes say how many ({@link #leftOut}).
 */
final class ValueAxes {

    private ValueAxes() {
    }

    static boolean logarithmic(ChartOptions options, int index) {
        return "logarithmic".equals(options.string("yAxis." + index + ".type"));
    }

    /** Redash's logarithmic x applies to numbers; dates and categories keep their own axes. */
    static boolean logarithmicX(ChartOptions options, XKind kind) {
        return kind == XKind.NUMBER && "logarithmic".equals(options.xAxisType());
    }

    /** Value axis {@code index} for the series of {@code drawn}: scale, title, ticks in the axis format, range. */
    static ValueAxis<Number> value(ChartOptions options, int index, ShapedChart drawn) {
        return value(options, index, () -> extent(drawn, options.stacked(), logarithmic(options, index)), false);
    }

    /**
     * Value axis {@code index} spanning the values from {@code low} to {@code high} (rounded outwards as
     * {@link #value} rounds a bound left automatic; {@code rangeMin} / {@code rangeMax} still win), not ranging
     * itself: the layers of a combo chart ({@link ComboChart}) each draw some of an axis's series, all on one range.
     */
    static ValueAxis<Number> shared(ChartOptions options, int index, double low, double high) {
        return value(options, index, () -> low > high ? new double[] {1, 10} : new double[] {low, high}, true);
    }

    private static ValueAxis<Number> value(ChartOptions options, int index, Supplier<double[]> extent,
                                           boolean fixed) {
        boolean log = logarithmic(options, index);
        ValueAxis<Number> axis = log ? new LogarithmicAxis() : new NumberAxis();
        title(axis, options.string("yAxis." + index + ".title.text"));
        String format = options.axisFormat(index);
        axis.setTickLabelFormatter(formatter(format));
        Object min = options.get("yAxis." + index + ".rangeMin");
        Object max = options.get("yAxis." + index + ".rangeMax");
        if (fixed || min instanceof Number || max instanceof Number) {
            // the bound left automatic is the data's, rounded outwards as an automatic axis rounds it
            double[] data = extent.get();
            double lo = min instanceof Number n ? n.doubleValue() : data[0];
            double hi = max instanceof Number n ? n.doubleValue() : data[1];
            double unit = Double.NaN;
            if (log) {
                lo = min instanceof Number ? lo : Math.pow(10, Math.floor(Math.log10(lo)));
                hi = max instanceof Number ? hi : Math.pow(10, Math.ceil(Math.log10(hi)));
            } else if (hi > lo) {
                unit = NumberAxesZoom.roundUnit((hi - lo) / 10);
                lo = min instanceof Number ? lo : Math.floor(Math.min(lo, 0) / unit) * unit; // from zero, as bars
                hi = max instanceof Number ? hi : Math.ceil(hi / unit) * unit;
                unit = min instanceof Number || max instanceof Number ? Double.NaN : unit;
            }
            fix(axis, lo, hi, log, unit);
        }
        return axis;
    }

    /**
     * The value axis {@code yAxis[0]} of a box plot: its scale (linear or logarithmic), title, tick format, and its
     * range when both ends are set (the whiskers and outliers decide it otherwise).
     */
    static ValueAxis<Number> boxValues(ChartOptions options) {
        boolean log = logarithmic(options, 0);
        ValueAxis<Number> axis = log ? new LogarithmicAxis() : new NumberAxis();
        title(axis, options.string("yAxis.0.title.text"));
        axis.setTickLabelFormatter(formatter(options.axisFormat(0)));
        Object min = options.get("yAxis.0.rangeMin");
        Object max = options.get("yAxis.0.rangeMax");
        if (min instanceof Number lo && max instanceof Number hi) {
            fix(axis, lo.doubleValue(), hi.doubleValue(), log, Double.NaN);
        }
        return axis;
    }

    /** A number or date x axis: logarithmic when the options say so and the x values are numbers. */
    static ValueAxis<Number> x(ChartOptions options, XKind kind) {
        if (logarithmicX(options, kind)) {
            return new LogarithmicAxis();
        }
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        return axis;
    }

    /** {@code xAxis.title.text} on the x axis, whichever side it is drawn on. */
    static void xTitle(Axis<?> axis, ChartOptions options) {
        title(axis, options.string("xAxis.title.text"));
    }

    /**
     * The note for the values left out of a logarithmic axis (zero and below), or null when none are: the y values
     * of a series whose value axis is logarithmic (its own axis when {@code twoAxes} are drawn, else the left one),
     * the x values on a logarithmic x.
     */
    static String leftOut(ShapedChart shaped, ChartOptions options, boolean twoAxes) {
        boolean logX = logarithmicX(options, shaped.xKind());
        int count = 0;
        for (ChartSeries series : shaped.series()) {
            boolean logY = logarithmic(options, twoAxes ? series.yAxis() : 0);
            for (ChartPoint point : series.points()) {
                if (point.y() != null && (logY && !(point.y() > 0)
                        || logX && point.x() instanceof Number x && !(x.doubleValue() > 0))) {
                    count++;
                }
            }
        }
        return count == 0 ? null : String.format(Locale.ROOT, "%,d %s at or below zero left out: a logarithmic axis"
                + " cannot place %s", count, count == 1 ? "value" : "values", count == 1 ? "it" : "them");
    }

    /** True when the point can be placed on the axes: above zero on a logarithmic one. */
    static boolean placeable(Object x, double y, Axis<?> xAxis, Axis<?> yAxis) {
        return !(yAxis instanceof LogarithmicAxis && !(y > 0)
                || xAxis instanceof LogarithmicAxis && !(x instanceof Number n && n.doubleValue() > 0));
    }

    /** A fixed range; ticks every {@code unit}, or a tenth of the range when it is NaN. */
    private static void fix(ValueAxis<Number> axis, double lo, double hi, boolean log, double unit) {
        if (!(hi > lo) || log && !(lo > 0)) {
            return;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        if (axis instanceof NumberAxis numbers) {
            numbers.setTickUnit(Double.isNaN(unit) ? (hi - lo) / 10 : unit);
        }
    }

    /**
     * The lowest and highest value drawn (a stacked point's base too; on a logarithmic axis only those above zero);
     * 1 to 10 when there is none.
     */
    private static double[] extent(ShapedChart drawn, boolean stacked, boolean log) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ChartSeries series : drawn.series()) {
            for (ChartPoint point : series.points()) {
                if (point.y() != null && (!log || point.y() > 0)) {
                    double bottom = stacked ? Math.min(point.y(), point.base()) : point.y();
                    low = Math.min(low, log && !(bottom > 0) ? point.y() : bottom);
                    high = Math.max(high, point.y());
                }
            }
        }
        return low > high ? new double[] {1, 10} : new double[] {low, high};
    }

    private static void title(Axis<?> axis, String text) {
        if (text != null && !text.isBlank()) {
            axis.setLabel(text);
        }
    }

    /** Tick labels in a number format ({@code 0,0[.]00}, ...), for this package's axes and ChartFX's. */
    static StringConverter<Number> formatter(String format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return NumberFormat.format(value, format);
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        };
    }
}
