package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.List;

/**
 * The ticks of a value axis and their texts in the axis's number format, for a drawing that cannot format numbers
 * itself (the shared page): about five steps of 1, 2 or 5 times a power of ten that take in the values and zero,
 * or the saved range ({@code rangeMin}/{@code rangeMax}) when there is one.
 *
 * @param labels the text of each tick from {@code min} to {@code max}, {@code interval} apart
 */
public record AxisTicks(double min, double max, double interval, List<String> labels) {

    private static final int STEPS = 5;

    /**
     * @param low the smallest value drawn against the axis
     * @param high the largest
     * @param savedMin the saved lower end, or null
     * @param savedMax the saved upper end, or null
     * @param format the axis's numeral format ({@link ChartOptions#axisFormat})
     */
    public static AxisTicks of(double low, double high, Double savedMin, Double savedMax, String format) {
        double lo = savedMin != null ? savedMin : Math.min(0, low);
        double hi = savedMax != null ? savedMax : Math.max(0, high);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double interval = nice((hi - lo) / STEPS);
        double min = savedMin != null ? savedMin : Math.floor(lo / interval) * interval;
        double max = savedMax != null ? savedMax : Math.ceil(hi / interval) * interval;
        List<String> labels = new ArrayList<>();
        int count = (int) Math.round((max - min) / interval);
        for (int i = 0; i <= Math.min(count, 100); i++) {
            labels.add(NumberFormat.format(round(min + i * interval, interval), format));
        }
        return new AxisTicks(min, max, interval, List.copyOf(labels));
    }

    /** 1, 2 or 5 times the power of ten at or just above {@code step}. */
    static double nice(double step) {
        double power = Math.pow(10, Math.floor(Math.log10(step)));
        double fraction = step / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** A tick's value without the float noise of adding steps (0.30000000000000004). */
    private static double round(double value, double interval) {
        double scale = Math.pow(10, Math.max(0, -Math.floor(Math.log10(interval)) + 2));
        return Math.round(value * scale) / scale;
    }
}
