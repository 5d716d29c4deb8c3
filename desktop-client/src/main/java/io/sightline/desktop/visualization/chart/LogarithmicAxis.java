package io.sightline.desktop.visualization.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;

/**
 * A value axis on a logarithmic scale, for Redash's {@code type: logarithmic} axes: {@code javafx.scene.chart} has
 * none. Equal ratios take equal lengths (1, 10, 100 and 1000 are evenly spaced); major ticks at powers of ten,
 * minor ticks at their 2 to 9 multiples. Automatic ranging widens the data to whole powers of ten. Only values above
 * zero have a place on it: the charts leave the others out and say so ({@link ValueAxes#leftOut}).
 */
public final class LogarithmicAxis extends ValueAxis<Number> {

    /** An automatic range of no data, or of data with nothing above zero. */
    private static final double[] EMPTY = {1, 10};

    /** Ranged automatically (ValueAxis's constructor with bounds would turn that off). */
    public LogarithmicAxis() {
        setLowerBound(EMPTY[0]);
        setUpperBound(EMPTY[1]);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (!(minValue > 0) || !(maxValue > 0)) {
            return EMPTY.clone();
        }
        double lower = Math.pow(10, Math.floor(Math.log10(minValue)));
        double upper = Math.pow(10, Math.ceil(Math.log10(maxValue)));
        return new double[] {lower, upper > lower ? upper : lower * 10};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
        currentLowerBound.set(bounds[0]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    /** The powers of ten in the range, and the bounds themselves when they are not one. */
    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        List<Number> ticks = new ArrayList<>();
        if (!(bounds[0] > 0) || !(bounds[1] > bounds[0])) {
            return ticks;
        }
        int first = (int) Math.ceil(Math.log10(bounds[0]) - 1e-9);
        int last = (int) Math.floor(Math.log10(bounds[1]) + 1e-9);
        if (first > last) { // a range within one decade: its ends are the ticks
            ticks.add(bounds[0]);
            ticks.add(bounds[1]);
            return ticks;
        }
        int step = Math.max(1, (last - first) / 10 + 1); // at most about ten labels over many decades
        for (int power = first; power <= last; power += step) {
            ticks.add(Math.pow(10, power));
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (!(lower > 0) || !(upper > lower)) {
            return minor;
        }
        for (int power = (int) Math.floor(Math.log10(lower)); power <= Math.ceil(Math.log10(upper)); power++) {
            for (int m = 2; m <= 9; m++) {
                double value = m * Math.pow(10, power);
                if (value > lower && value < upper) {
                    minor.add(value);
                }
            }
        }
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return getTickLabelFormatter() == null ? String.valueOf(value) : getTickLabelFormatter().toString(value);
    }

    @Override
    public double getDisplayPosition(Number value) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (value == null || !(value.doubleValue() > 0) || !(lower > 0) || !(upper > lower)) {
            return Double.NaN;
        }
        double share = (Math.log10(value.doubleValue()) - Math.log10(lower)) / (Math.log10(upper) - Math.log10(lower));
        return vertical() ? (1 - share) * getHeight() : share * getWidth();
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        double share = vertical() ? 1 - displayPosition / getHeight() : displayPosition / getWidth();
        return Math.pow(10, Math.log10(lower) + share * (Math.log10(upper) - Math.log10(lower)));
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        return value != null && value.doubleValue() >= getLowerBound() && value.doubleValue() <= getUpperBound();
    }

    /** Zero is not on a logarithmic axis: bars grow from its lower bound. */
    @Override
    public double getZeroPosition() {
        return Double.NaN;
    }

    private boolean vertical() {
        Side side = getSide();
        return side == null || side.isVertical();
    }
}
