package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A box of a box plot, as plotly draws Redash's {@code box} series: quartiles by linear interpolation, whiskers
 * at the furthest values within 1.5 × IQR of the box, the values beyond them as outliers.
 */
public record BoxStats(int count, double min, double q1, double median, double q3, double max, double mean,
                       double lowerWhisker, double upperWhisker, List<Double> outliers) {

    /** The box of the numbers among {@code values} (nulls and non-numbers are left out); null when there are none. */
    public static BoxStats of(List<?> values) {
        List<Double> sorted = new ArrayList<>(values.stream().map(ChartValues::number).filter(Objects::nonNull)
                .sorted().toList());
        if (sorted.isEmpty()) {
            return null;
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = q1 - 1.5 * iqr;
        double high = q3 + 1.5 * iqr;
        double lowerWhisker = sorted.stream().filter(v -> v >= low).findFirst().orElse(q1);
        double upperWhisker = sorted.stream().filter(v -> v <= high).reduce((a, b) -> b).orElse(q3);
        List<Double> outliers = sorted.stream().filter(v -> v < low || v > high).toList();
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new BoxStats(sorted.size(), sorted.get(0), q1, quantile(sorted, 0.5), q3, sorted.get(sorted.size() - 1),
                mean, lowerWhisker, upperWhisker, outliers);
    }

    /** Linear interpolation between the closest ranks (numpy's default, plotly's {@code quartilemethod: linear}). */
    static double quantile(List<Double> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }
}
