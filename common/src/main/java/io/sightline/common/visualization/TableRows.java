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
        return searchIndex(columns, rows).matching(term);
    }

    /**
     * The searchable cells of every row as written, lower-cased once: a search typed one key at a time then
     * formats no cell again.
     */
    public static SearchIndex searchIndex(List<TableColumn> columns, List<Map<String, Object>> rows) {
        List<TableColumn> searchable = columns.stream().filter(TableColumn::allowSearch).toList();
        if (searchable.isEmpty()) {
            return new SearchIndex(rows, null);
        }
        String[] texts = new String[rows.size()];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            text.setLength(0);
            for (TableColumn column : searchable) {
                // a separator no search term holds, so that no match runs from one cell into the next
                text.append(TableCells.format(column, rows.get(i)).toLowerCase(Locale.ROOT)).append('\u0000');
            }
            texts[i] = text.toString();
        }
        return new SearchIndex(rows, texts);
    }

    /** {@link #searchIndex}: the rows and their searchable text (null when no column allows search). */
    public static final class SearchIndex {

        private final List<Map<String, Object>> rows;
        private final String[] texts;

        private SearchIndex(List<Map<String, Object>> rows, String[] texts) {
            this.rows = rows;
            this.texts = texts;
        }

        /** The rows whose searchable cells contain {@code term}, in any case; all rows when it is blank. */
        public List<Map<String, Object>> matching(String term) {
            if (term == null || term.isBlank() || texts == null) {
                return rows;
            }
            String wanted = term.strip().toLowerCase(Locale.ROOT);
            List<Map<String, Object>> kept = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                if (texts[i].contains(wanted)) {
                    kept.add(rows.get(i));
                }
            }
            return kept;
        }
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
