package io.sightline.common.visualization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows a table shows, in the order it shows them: kept by a search over the columns that allow it (Redash's
 * {@code allowSearch}: the cell as written contains the words, in any case), then sorted by the columns the viewer
 * clicked, over the whole result rather than one page.
 */
public final class TableRows {

    /** One column of a sort, first the one clicked first. */
    public record SortKey(String column, boolean descending) {
    }

    private TableRows() {
    }

    /** The rows whose searchable cells contain {@code term}; all rows when it is blank or no column allows search. */
    public static List<Map<String, Object>> searched(List<TableColumn> columns, List<Map<String, Object>> rows,
                                                     String term) {
        List<TableColumn> searchable = columns.stream().filter(TableColumn::allowSearch).toList();
        if (term == null || term.isBlank() || searchable.isEmpty()) {
            return rows;
        }
        String wanted = term.strip().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (TableColumn column : searchable) {
                if (TableCells.format(column, row).toLowerCase(Locale.ROOT).contains(wanted)) {
                    kept.add(row);
                    break;
                }
            }
        }
        return kept;
    }

    /**
     * The rows sorted by {@code keys} (stable: rows equal on every key keep the result's order). Numbers compare
     * as numbers whatever their Java type, text without regard to case, and an empty cell comes last in either
     * direction, as it means "no value" rather than the smallest one.
     */
    public static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, List<SortKey> keys) {
        if (keys.isEmpty()) {
            return rows;
        }
        Comparator<Map<String, Object>> order = null;
        for (SortKey key : keys) {
            Comparator<Map<String, Object>> one = (a, b) -> compare(a.get(key.column()), b.get(key.column()),
                    key.descending());
            order = order == null ? one : order.thenComparing(one);
        }
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return sorted;
    }

    private static int compare(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = ascending(a, b);
        return descending ? -c : c;
    }

    private static int ascending(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        String x = String.valueOf(a);
        String y = String.valueOf(b);
        int c = x.compareToIgnoreCase(y);
        return c != 0 ? c : x.compareTo(y);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.isNaN() || d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE) : BigDecimal.valueOf(-Double.MAX_VALUE);
        }
        return new BigDecimal(n.toString());
    }
}
