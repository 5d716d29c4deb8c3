package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pivot of a result as react-pivottable computes it: row keys × column keys, one aggregated value per cell,
 * and totals (a total aggregates all the rows of its row, column or table, not the cells' values).
 *
 * @param rowKeys the distinct value combinations of the row attributes, sorted a to z (numbers as numbers)
 */
public record PivotTable(List<List<String>> rowKeys, List<List<String>> colKeys, Map<List<List<String>>, Double> cells,
                         Map<List<String>, Double> rowTotals, Map<List<String>, Double> colTotals, Double grandTotal,
                         String aggregatorName) {

    public static final Set<String> AGGREGATORS = Set.of("Count", "Count Unique Values", "Sum", "Integer Sum",
            "Average", "Median", "Sample Variance", "Sample Standard Deviation", "Minimum", "Maximum", "First", "Last",
            "Sum as Fraction of Total", "Sum as Fraction of Rows", "Sum as Fraction of Columns",
            "Count as Fraction of Total", "Count as Fraction of Rows", "Count as Fraction of Columns");

    public Double cell(List<String> rowKey, List<String> colKey) {
        return cells.get(List.of(rowKey, colKey));
    }

    /** A cell or total as react-pivottable shows this table's aggregator. */
    public String text(Double value) {
        return format(value, aggregatorName);
    }

    /** As react-pivottable shows its aggregators: counts whole, fractions as percent, others with two decimals. */
    public static String format(Double value, String aggregator) {
        if (value == null) {
            return "";
        }
        if (aggregator.contains("Fraction")) {
            return NumberFormat.format(value * 100, "0.0%");
        }
        if (aggregator.startsWith("Count") || "Integer Sum".equals(aggregator)) {
            return NumberFormat.format(value, "0,0");
        }
        return NumberFormat.format(value, "0,0.00");
    }

    /**
     * The heat-map renderers' fill of a cell, {@code #rrggbb} from white to orange by its share of the largest
     * absolute cell (light in both themes: dark text on it).
     */
    public static String heatColor(double share) {
        double t = Math.max(0, Math.min(1, share));
        int[] from = {0xff, 0xff, 0xff};
        int[] to = {0xf4, 0xa2, 0x61};
        StringBuilder hex = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            double a = from[i] / 255.0, b = to[i] / 255.0;
            hex.append(String.format("%02x", Math.round((a + (b - a) * t) * 255)));
        }
        return hex.toString();
    }

    /** The largest absolute cell, which heat-map shares are of (0 without cells). */
    public double largestCell() {
        return cells.values().stream().filter(Objects::nonNull).mapToDouble(Math::abs).max().orElse(0);
    }

    /** @throws IllegalArgumentException for an aggregator this version does not compute (named in the message) */
    public static PivotTable of(List<Map<String, Object>> rows, PivotOptions options) {
        String aggregator = options.aggregatorName();
        if (!AGGREGATORS.contains(aggregator)) {
            throw new IllegalArgumentException("The pivot aggregator '" + aggregator + "' is not supported");
        }
        String val = options.vals().isEmpty() ? null : options.vals().get(0);
        Map<List<List<String>>, List<Object>> byCell = new HashMap<>();
        Map<List<String>, List<Object>> byRow = new HashMap<>();
        Map<List<String>, List<Object>> byCol = new HashMap<>();
        List<Object> all = new ArrayList<>();
        Set<List<String>> rowKeys = new LinkedHashSet<>();
        Set<List<String>> colKeys = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            List<String> rowKey = key(row, options.rows());
            List<String> colKey = key(row, options.cols());
            Object value = val == null ? null : row.get(val);
            rowKeys.add(rowKey);
            colKeys.add(colKey);
            byCell.computeIfAbsent(List.of(rowKey, colKey), k -> new ArrayList<>()).add(value);
            byRow.computeIfAbsent(rowKey, k -> new ArrayList<>()).add(value);
            byCol.computeIfAbsent(colKey, k -> new ArrayList<>()).add(value);
            all.add(value);
        }
        String base = aggregator.startsWith("Sum as") ? "Sum" : aggregator.startsWith("Count as") ? "Count" : aggregator;
        Double grand = aggregate(base, all);
        Map<List<List<String>>, Double> cells = new HashMap<>();
        Map<List<String>, Double> rowTotals = new HashMap<>();
        Map<List<String>, Double> colTotals = new HashMap<>();
        byRow.forEach((k, v) -> rowTotals.put(k, aggregate(base, v)));
        byCol.forEach((k, v) -> colTotals.put(k, aggregate(base, v)));
        byCell.forEach((k, v) -> cells.put(k, fraction(aggregator, aggregate(base, v), grand, rowTotals.get(k.get(0)),
                colTotals.get(k.get(1)))));
        Map<List<String>, Double> rowShown = new HashMap<>();
        Map<List<String>, Double> colShown = new HashMap<>();
        rowTotals.forEach((k, v) -> rowShown.put(k, fraction(aggregator, v, grand, v, grand)));
        colTotals.forEach((k, v) -> colShown.put(k, fraction(aggregator, v, grand, grand, v)));
        return new PivotTable(sorted(rowKeys), sorted(colKeys), cells, rowShown, colShown,
                fraction(aggregator, grand, grand, grand, grand), aggregator);
    }

    private static Double fraction(String aggregator, Double value, Double total, Double rowTotal, Double colTotal) {
        if (value == null || !aggregator.contains("Fraction")) {
            return value;
        }
        Double of = aggregator.endsWith("Total") ? total : aggregator.endsWith("Rows") ? rowTotal : colTotal;
        return of == null || of == 0 ? null : value / of;
    }

    static Double aggregate(String aggregator, List<Object> values) {
        List<Double> numbers = values.stream().map(ChartValues::number).filter(Objects::nonNull).toList();
        return switch (aggregator) {
            case "Count" -> (double) values.size();
            case "Count Unique Values" -> (double) new java.util.HashSet<>(values).size();
            case "Sum" -> numbers.stream().mapToDouble(Double::doubleValue).sum();
            case "Integer Sum" -> (double) Math.round(numbers.stream().mapToDouble(Double::doubleValue).sum());
            case "Average" -> numbers.isEmpty() ? null : numbers.stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            case "Median" -> numbers.isEmpty() ? null : BoxStats.quantile(numbers.stream().sorted().toList(), 0.5);
            case "Sample Variance", "Sample Standard Deviation" -> {
                if (numbers.size() < 2) {
                    yield null;
                }
                double mean = numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double variance = numbers.stream().mapToDouble(n -> (n - mean) * (n - mean)).sum() / (numbers.size() - 1);
                yield aggregator.startsWith("Sample Variance") ? variance : Math.sqrt(variance);
            }
            case "Minimum" -> numbers.stream().min(Double::compare).orElse(null);
            case "Maximum" -> numbers.stream().max(Double::compare).orElse(null);
            case "First" -> numbers.isEmpty() ? null : numbers.get(0);
            case "Last" -> numbers.isEmpty() ? null : numbers.get(numbers.size() - 1);
            default -> throw new IllegalArgumentException("The pivot aggregator '" + aggregator + "' is not supported");
        };
    }

    private static List<String> key(Map<String, Object> row, List<String> attributes) {
        List<String> key = new ArrayList<>(attributes.size());
        attributes.forEach(a -> key.add(String.valueOf(row.get(a))));
        return Collections.unmodifiableList(key);
    }

    private static List<List<String>> sorted(Set<List<String>> keys) {
        TreeSet<List<String>> sorted = new TreeSet<>(PivotTable::compareKeys);
        sorted.addAll(keys);
        return List.copyOf(sorted);
    }

    /** react-pivottable's natural sort, simplified: numbers as numbers, then text. */
    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Double x = ChartValues.number(a.get(i));
            Double y = ChartValues.number(b.get(i));
            int c = x != null && y != null ? Double.compare(x, y) : x != null ? -1 : y != null ? 1
                    : a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
