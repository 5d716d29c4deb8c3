package io.sightline.common.visualization.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A choropleth's classes as Redash's {@code createScale} makes them: the distinct values split into
 * {@code min(steps, distinct values)} limits by chroma-js's {@code limits} ({@code e} equidistant, {@code q}
 * quantile, {@code k} k-means), colours evenly from {@code colors.min} to {@code colors.max} in RGB, and a value
 * takes the colour of the first limit it does not exceed. The desktop and the shared page both draw from it.
 */
public final class ColorScale {

    /** A legend row: a colour and the limit it ends at, highest first as Redash lists them. */
    public record Step(Rgb color, double limit) {}

    private final double[] limits;
    private final List<Rgb> colors;

    private ColorScale(double[] limits, List<Rgb> colors) {
        this.limits = limits;
        this.colors = colors;
    }

    public static ColorScale of(Collection<Double> values, String mode, int steps, Rgb min, Rgb max) {
        double[] distinct = new LinkedHashSet<>(values).stream().filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray();
        if (distinct.length == 0) {
            return new ColorScale(new double[0], List.of());
        }
        int n = Math.min(distinct.length, Math.max(1, steps));
        if (n == 1) {
            return new ColorScale(distinct, List.of(max));
        }
        double[] limits = limits(distinct, mode, n - 1);
        return new ColorScale(limits, interpolate(min, max, limits.length));
    }

    /** chroma-js 1.4's {@code chroma.limits(values, mode, num)}. */
    public static double[] limits(double[] data, String mode, int num) {
        double[] values = data.clone();
        Arrays.sort(values);
        double min = values[0], max = values[values.length - 1];
        if (num == 1) {
            return new double[] {min, max};
        }
        String m = mode == null || mode.isEmpty() ? "e" : mode.substring(0, 1);
        List<Double> limits = new ArrayList<>();
        switch (m) {
            case "q" -> {
                limits.add(min);
                for (int i = 1; i < num; i++) {
                    double p = (values.length - 1) * (double) i / num;
                    int pb = (int) Math.floor(p);
                    limits.add(pb == p ? values[pb] : values[pb] * (1 - (p - pb)) + values[pb + 1] * (p - pb));
                }
                limits.add(max);
            }
            case "k" -> limits.addAll(kMeans(values, num));
            default -> {
                limits.add(min);
                for (int i = 1; i < num; i++) {
                    limits.add(min + (double) i / num * (max - min));
                }
                limits.add(max);
            }
        }
        return limits.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One-dimensional k-means from equidistant centroids; the limits are the smallest value and each cluster's largest. */
    private static List<Double> kMeans(double[] values, int k) {
        double[] centroids = new double[k];
        for (int j = 0; j < k; j++) {
            centroids[j] = values[0] + (double) j / k * (values[values.length - 1] - values[0]);
        }
        int[] assignment = new int[values.length];
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] sums = new double[k];
            int[] sizes = new int[k];
            for (int i = 0; i < values.length; i++) {
                int best = 0;
                double nearest = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    double distance = Math.abs(centroids[j] - values[i]);
                    if (distance < nearest) {
                        nearest = distance;
                        best = j;
                    }
                }
                assignment[i] = best;
                sums[best] += values[i];
                sizes[best]++;
            }
            boolean moved = false;
            for (int j = 0; j < k; j++) {
                double next = sizes[j] == 0 ? Double.NaN : sums[j] / sizes[j];
                moved |= Double.compare(next, centroids[j]) != 0;
                centroids[j] = next;
            }
            if (!moved) {
                break;
            }
        }
        double[] lows = new double[k], highs = new double[k];
        Arrays.fill(lows, Double.NaN);
        Arrays.fill(highs, Double.NaN);
        for (int i = 0; i < values.length; i++) {
            int c = assignment[i];
            if (Double.isNaN(lows[c])) {
                lows[c] = values[i];
            }
            highs[c] = values[i];
        }
        List<Double> breaks = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!Double.isNaN(lows[j])) {
                breaks.add(lows[j]);
                breaks.add(highs[j]);
            }
        }
        breaks.sort(Double::compare);
        List<Double> limits = new ArrayList<>(List.of(breaks.get(0)));
        for (int i = 1; i < breaks.size(); i += 2) {
            if (!limits.contains(breaks.get(i))) {
                limits.add(breaks.get(i));
            }
        }
        return limits;
    }

    /** chroma-js {@code scale([min, max]).colors(n)}: RGB steps, channels rounded. */
    public static List<Rgb> interpolate(Rgb min, Rgb max, int n) {
        List<Rgb> colors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            colors.add(new Rgb(channel(min.red(), max.red(), t), channel(min.green(), max.green(), t),
                    channel(min.blue(), max.blue(), t)));
        }
        return colors;
    }

    /** In fractions of 255 and rounded, as JavaFX and chroma-js compute it (the same figures to the last bit). */
    private static int channel(int a, int b, double t) {
        double from = a / 255.0, to = b / 255.0;
        return (int) Math.round((from + (to - from) * t) * 255);
    }

    /** The colour of a value, or {@code noValue} when it has none or lies above every limit. */
    public Rgb colorOf(Double value, Rgb noValue) {
        if (value != null && Double.isFinite(value)) {
            for (int i = 0; i < limits.length; i++) {
                if (value <= limits[i]) {
                    return colors.get(i);
                }
            }
        }
        return noValue;
    }

    public double[] limits() {
        return limits.clone();
    }

    public List<Rgb> colors() {
        return colors;
    }

    /** The legend, highest limit first. */
    public List<Step> legend() {
        List<Step> steps = new ArrayList<>();
        for (int i = colors.size() - 1; i >= 0; i--) {
            steps.add(new Step(colors.get(i), limits[i]));
        }
        return steps;
    }
}
