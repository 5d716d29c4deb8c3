package io.sightline.common.visualization;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code COHORT}: the cohort triangle as Redash draws it ({@code cohort/prepareData.ts} and its Cornelius table):
 * one row a cohort date, its size, and per stage the value that stayed. Dates missing between two cohorts become
 * empty rows; in the {@code diagonal} mode (default) each row has one stage less than the one above.
 *
 * @param initialDate the first cohort's date (null when there is nothing to draw)
 * @param rows        per cohort: the total first, then the stage values (null: no value)
 */
public record CohortTable(LocalDateTime initialDate, List<List<Double>> rows) {

    private record Entry(LocalDateTime date, int stage, double total, double value) {
    }

    public static CohortTable of(ResultData result, CohortOptions options) {
        String date = options.string("dateColumn");
        String stage = options.string("stageColumn");
        String total = options.string("totalColumn");
        String value = options.string("valueColumn");
        if (result.rows().isEmpty() || result.column(date) == null || result.column(stage) == null
                || result.column(total) == null || result.column(value) == null) {
            return new CohortTable(null, List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            LocalDateTime when = ChartValues.dateTime(row.get(date));
            Double stageNumber = ChartValues.number(row.get(stage));
            if (when == null || stageNumber == null) {
                continue;
            }
            Double size = ChartValues.number(row.get(total));
            Double kept = ChartValues.number(row.get(value));
            entries.add(new Entry(when, stageNumber.intValue(), size == null ? 0 : size, kept == null ? 0 : kept));
        }
        if (entries.isEmpty()) {
            return new CohortTable(null, List.of());
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparingInt(Entry::stage));
        Map<LocalDateTime, Cohort> cohorts = new LinkedHashMap<>();
        for (Entry e : entries) {
            Cohort cohort = cohorts.computeIfAbsent(e.date(), d -> new Cohort(d, (long) e.total()));
            // Redash reads the values as whole numbers, 0 as "no value"
            long whole = (long) e.value();
            cohort.values.put(e.stage(), whole == 0 ? null : (double) whole);
        }
        ChronoUnit unit = options.interval();
        int firstStage = entries.stream().mapToInt(Entry::stage).min().orElseThrow();
        int lastStage = entries.stream().mapToInt(Entry::stage).max().orElseThrow();
        List<Cohort> grouped = new ArrayList<>(cohorts.values());
        boolean diagonal = !"simple".equals(options.string("mode"));
        if (diagonal) {
            lastStage = firstStage + (int) unit.between(grouped.get(0).date, grouped.get(grouped.size() - 1).date);
        }
        List<List<Double>> rows = new ArrayList<>();
        LocalDateTime previous = null;
        for (Cohort cohort : grouped) {
            if (previous != null) {
                for (long gap = Math.abs(unit.between(previous, cohort.date)); gap > 1; gap--) {
                    rows.add(diagonal ? cohort.row(0.0, firstStage, lastStage--, true) : List.of(0.0));
                }
            }
            previous = cohort.date;
            rows.add(cohort.row((double) cohort.total, firstStage, diagonal ? lastStage-- : lastStage, diagonal));
        }
        return new CohortTable(grouped.get(0).date, Collections.unmodifiableList(rows));
    }

    /** The widest row's length: the total and the stages the header names. */
    public int width() {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }

    /**
     * The percent (0–100) of a row's total a stage cell holds; null where Redash writes the placeholder (a row
     * without a total, a stage past the row's end).
     *
     * @param stage 1 for the first stage column
     */
    public Double percent(int row, int stage) {
        List<Double> cells = rows.get(row);
        Double base = cells.get(0);
        if (stage >= cells.size() || base == null || base == 0) {
            return null;
        }
        // a stage inside the row without a value counts as 0 there (null / total is 0 in JavaScript)
        Double value = cells.get(stage);
        return value == null ? 0.0 : value / base * 100;
    }

    /** The cell's number as drawn when absolute values are asked for; null where there is none. */
    public Double value(int row, int stage) {
        return stage < rows.get(row).size() ? rows.get(row).get(stage) : null;
    }

    private static final class Cohort {
        final LocalDateTime date;
        final long total;
        final Map<Integer, Double> values = new LinkedHashMap<>();

        Cohort(LocalDateTime date, long total) {
            this.date = date;
            this.total = total;
        }

        /** The total, then each stage from {@code first} to {@code last}; missing ones 0 (diagonal) or null. */
        List<Double> row(Double head, int first, int last, boolean zeroForMissing) {
            List<Double> row = new ArrayList<>();
            row.add(head);
            for (int s = first; s <= last; s++) {
                Double v = values.get(s);
                row.add(v == null && zeroForMissing ? Double.valueOf(0.0) : v);
            }
            return row;
        }
    }
}
