package io.sightline.desktop.visualization.chart;

import io.sightline.desktop.visualization.render.WheelZoom;
import javafx.geometry.Point2D;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Zoom and pan for a {@code javafx.scene.chart} chart whose x axis is numbers or dates, as the large charts and the
 * maps have them: the wheel zooms at the pointer (forward: in; Ctrl + wheel in a dashboard, {@link WheelZoom}), a
 * drag in the plot pans, a double click goes back to the whole chart. Lines and areas zoom in x alone; scatters and
 * bubbles in both axes. The axes' bounds are set (automatic ranging off), so the data and its tooltips stay as they
 * are; the plot clips what falls outside. A {@link LogarithmicAxis} zooms and pans in log space: a notch narrows
 * the decades in view, a drag moves them, so the view stays one of equal ratios and never reaches zero. A chart
 * over categories (box plots) zooms its values alone ({@link #attachValues}), beside {@link CategoryAxesZoom}.
 */
final class NumberAxesZoom {

    /** How much one wheel notch narrows the view. */
    private static final double NOTCH = 0.8;

    private final XYChart<?, ?> chart;
    private final ValueAxis<Number> x; // null when only y zooms
    private final ValueAxis<Number> y; // null when only x zooms
    private final Range xAsSaved;
    private final Range yAsSaved;
    private Point2D pressed;
    private Range xAtPress;
    private Range yAtPress;

    private NumberAxesZoom(XYChart<?, ?> chart, ValueAxis<Number> x, ValueAxis<Number> y) {
        this.chart = chart;
        this.x = x;
        this.y = y;
        this.xAsSaved = x == null || x.isAutoRanging() ? null : Range.of(x);
        this.yAsSaved = y == null || y.isAutoRanging() ? null : Range.of(y);
    }

    /** Lets the chart be zoomed and panned; {@code bothAxes} for scatters, else in x alone. */
    static void attach(XYChart<?, ?> chart, boolean bothAxes) {
        attach(chart, chart, bothAxes);
    }

    /**
     * Lets the chart be zoomed and panned by the pointer over {@code pane} (a combo chart's stack of layers,
     * {@link ComboChart}, whose other layers follow this one's x axis); a double click goes back to the x range
     * the chart had here, or to automatic ranging.
     */
    static void attach(javafx.scene.Node pane, XYChart<?, ?> chart, boolean bothAxes) {
        ValueAxis<Number> x = numbers(chart.getXAxis());
        if (x == null) {
            return;
        }
        NumberAxesZoom zoom = new NumberAxesZoom(chart, x, bothAxes ? numbers(chart.getYAxis()) : null);
        zoom.listen(pane);
    }

    /** Lets the chart's value (y) axis be zoomed and panned, its x axis (categories) left to its own zoom. */
    static void attachValues(XYChart<?, ?> chart) {
        ValueAxis<Number> y = numbers(chart.getYAxis());
        if (y != null) {
            new NumberAxesZoom(chart, null, y).listen(chart);
        }
    }

    private void listen(javafx.scene.Node pane) {
        pane.addEventHandler(ScrollEvent.SCROLL, this::wheel);
        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        pane.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    }

    @SuppressWarnings("unchecked")
    private static ValueAxis<Number> numbers(javafx.scene.chart.Axis<?> axis) {
        return axis instanceof NumberAxis || axis instanceof LogarithmicAxis ? (ValueAxis<Number>) axis : null;
    }

    private void wheel(ScrollEvent event) {
        if (event.getDeltaY() == 0 || !inPlot(event.getSceneX(), event.getSceneY())
                || !WheelZoom.zooms(event, chart)) {
            return;
        }
        double factor = Math.pow(NOTCH, PlotPointer.notches(event));
        if (x != null) {
            scale(x, x.getValueForDisplay(x.sceneToLocal(event.getSceneX(), event.getSceneY()).getX())
                    .doubleValue(), factor);
        }
        if (y != null) {
            scale(y, y.getValueForDisplay(y.sceneToLocal(event.getSceneX(), event.getSceneY()).getY()).doubleValue(),
                    factor);
        }
        event.consume();
    }

    private void press(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && inPlot(event.getSceneX(), event.getSceneY())) {
            pressed = new Point2D(event.getSceneX(), event.getSceneY());
            xAtPress = x == null ? null : Range.of(x);
            yAtPress = y == null ? null : Range.of(y);
        } else {
            pressed = null;
        }
    }

    private void drag(MouseEvent event) {
        if (pressed == null) {
            return;
        }
        if (x != null) {
            double dx = event.getSceneX() - pressed.getX();
            fix(x, xAtPress.shifted(-dx * xAtPress.width() / x.getWidth(), log(x)));
        }
        if (y != null) {
            double dy = event.getSceneY() - pressed.getY();
            fix(y, yAtPress.shifted(dy * yAtPress.width() / y.getHeight(), log(y)));
        }
        event.consume();
    }

    private void click(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                && inPlot(event.getSceneX(), event.getSceneY())) {
            if (x != null && xAsSaved == null) {
                x.setAutoRanging(true);
            } else if (x != null) {
                fix(x, xAsSaved);
            }
            if (y != null) {
                if (yAsSaved == null) {
                    y.setAutoRanging(true);
                } else {
                    fix(y, yAsSaved);
                }
            }
            event.consume();
        }
    }

    private boolean inPlot(double sceneX, double sceneY) {
        return PlotPointer.inPlot(chart, sceneX, sceneY);
    }

    private static void scale(ValueAxis<Number> axis, double at, double factor) {
        Range now = Range.of(axis);
        if (log(axis)) {
            double logAt = Math.log10(at);
            double lower = Math.log10(now.lower());
            double upper = Math.log10(now.upper());
            fix(axis, new Range(Math.pow(10, logAt - (logAt - lower) * factor),
                    Math.pow(10, logAt + (upper - logAt) * factor)));
            return;
        }
        fix(axis, new Range(at - (at - now.lower()) * factor, at + (now.upper() - at) * factor));
    }

    private static boolean log(ValueAxis<Number> axis) {
        return axis instanceof LogarithmicAxis;
    }

    private static void fix(ValueAxis<Number> axis, Range range) {
        if (!(range.width() > 0) || Double.isInfinite(range.width()) || log(axis) && !(range.lower() > 0)) {
            return;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        if (axis instanceof NumberAxis numbers) {
            numbers.setTickUnit(roundUnit(range.width() / 10));
        }
    }

    /** 1, 2 or 5 times a power of ten, nearest {@code raw}: ticks as an automatic axis would have them. */
    static double roundUnit(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
    }

    /** An axis's bounds. */
    private record Range(double lower, double upper) {
        static Range of(ValueAxis<Number> axis) {
            return new Range(axis.getLowerBound(), axis.getUpperBound());
        }

        double width() {
            return upper - lower;
        }

        /**
         * Moved by {@code by}, a share of {@link #width} the drag covered; on a logarithmic axis the same share of
         * its decades, so the bounds keep their ratio.
         */
        Range shifted(double by, boolean log) {
            if (!log) {
                return new Range(lower + by, upper + by);
            }
            double decades = Math.log10(upper) - Math.log10(lower);
            double factor = Math.pow(10, by / width() * decades);
            return new Range(lower * factor, upper * factor);
        }
    }
}
