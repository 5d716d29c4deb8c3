package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code FUNNEL}: the steps as Redash's funnel lists them ({@code funnel/Renderer/prepareData.ts}): rows sorted by
 * the sort column (by default the value column, largest first), each step's value, its percent of the largest
 * value and of the step before, cut to {@code itemsLimit} steps.
 *
 * @param steps          in the order drawn
 * @param largestOfPrevious the largest finite "% previous", which Redash draws as a full bar
 */
public record FunnelSteps(List<Step> steps, double largestOfPrevious) {

    /**
     * One step.
     *
     * @param percentOfMax      100 × value / the largest value
     * @param percentOfPrevious 100 × value / the previous step's value; 100 for the first step and for a step equal
     *                          to the previous one
     */
    public record Step(String step, double value, double percentOfMax, double percentOfPrevious) {
    }

    /** The steps of a result; none when the step or value column is not set or not in the result. */
    public static FunnelSteps of(ResultData result, FunnelOptions options) {
        String stepColumn = options.stepColumn(result);
        String valueColumn = options.valueColumn(result);
        if (result.rows().isEmpty() || stepColumn == null || valueColumn == null) {
            return new FunnelSteps(List.of(), 0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(result.rows());
        String sortColumn = options.sortColumn(result);
        if (sortColumn != null) {
            rows.sort(Comparator.comparing(row -> row.get(sortColumn), FunnelSteps::compareCells));
        }
        if (options.sortReversed()) {
            java.util.Collections.reverse(rows);
        }
        List<Double> values = rows.stream().map(row -> {
            Double value = ChartValues.number(row.get(valueColumn));
            return value == null || value.isNaN() ? 0.0 : value;
        }).toList();
        double largest = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < options.itemsLimit(); i++) {
            double value = values.get(i);
            double previous = i == 0 || value == values.get(i - 1) ? 100.0 : value / values.get(i - 1) * 100.0;
            Object step = rows.get(i).get(stepColumn);
            steps.add(new Step(step == null ? "" : String.valueOf(step), value, value / largest * 100.0, previous));
        }
        double largestOfPrevious = steps.stream().mapToDouble(Step::percentOfPrevious).filter(Double::isFinite)
                .max().orElse(0);
        return new FunnelSteps(List.copyOf(steps), largestOfPrevious);
    }

    /** lodash's {@code sortBy}: numbers by value, else text; empty cells last. */
    private static int compareCells(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        Double x = ChartValues.number(a);
        Double y = ChartValues.number(b);
        if (a instanceof Number && x != null && y != null) {
            return Double.compare(x, y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
