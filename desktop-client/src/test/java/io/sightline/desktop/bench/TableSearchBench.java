package io.sightline.desktop.bench;

import static io.sightline.desktop.bench.BenchMeasures.percentile;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import io.sightline.common.visualization.TableRows;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table's first search costs: {@link TableRows#searchIndex} (every searchable cell written as its column
 * shows it, lower-cased) over 200,000 rows × 7 columns, all of them searchable: two texts, an integer and a float
 * in formats with thousands separators and decimals, a date-time, a date and a boolean. The first build in a fresh
 * JVM (what a user's first search after opening the workbench pays), then the median and p95 of 10 more, and one
 * search over the index.
 * Run: {@code java -cp <test classpath> io.sightline.desktop.bench.TableSearchBench [rows]}
 */
public final class TableSearchBench {

    private TableSearchBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<ResultColumn> result = List.of(new ResultColumn("store", "string"), new ResultColumn("city", "string"),
                new ResultColumn("orders", "integer"), new ResultColumn("revenue", "float"),
                new ResultColumn("opened_at", "datetime"), new ResultColumn("day", "date"),
                new ResultColumn("active", "boolean"));
        List<Map<String, Object>> savedColumns = new ArrayList<>();
        result.forEach(c -> savedColumns.add(Map.of("name", c.name(), "allowSearch", true)));
        List<TableColumn> columns = new TableOptions(Map.of("columns", savedColumns)).columns(result);
        List<Map<String, Object>> data = new ArrayList<>(rows);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 8, 0);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("store", "Store " + i);
            row.put("city", List.of("Lisbon", "Oslo", "Porto", "Lille", "Berlin").get(i % 5));
            row.put("orders", (long) (i * 37 % 9_973));
            row.put("revenue", i * 13.37 % 100_000);
            row.put("opened_at", start.plusMinutes(i).toString());
            row.put("day", start.plusDays(i % 1000).toLocalDate().toString());
            row.put("active", i % 3 == 0);
            data.add(row);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        TableRows.SearchIndex first = TableRows.searchIndex(columns, data);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double firstCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        double[] later = new double[10];
        double[] laterCpu = new double[10];
        for (int i = 0; i < later.length; i++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            TableRows.searchIndex(columns, data);
            later[i] = (System.nanoTime() - t) / 1e6;
            laterCpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        for (TableColumn column : columns) {
            long c = threads.getCurrentThreadCpuTime();
            TableRows.searchIndex(List.of(column), data);
            System.out.printf("  %s (%s): %.0f ms CPU%n", column.name(), column.displayAs(),
                    (threads.getCurrentThreadCpuTime() - c) / 1e6);
        }
        long s = System.nanoTime();
        int found = first.matching("lisbon").size();
        double searchMs = (System.nanoTime() - s) / 1e6;
        System.out.printf("| %,d rows × 7 columns | first build %.0f ms (CPU %.0f) | later builds p50 %.0f / p95 %.0f"
                + " ms (CPU p50 %.0f) | one search %.0f ms (%,d rows kept) |%n", rows, firstMs, firstCpu,
                percentile(later, 50), percentile(later, 95), percentile(laterCpu, 50), searchMs, found);
    }
}
