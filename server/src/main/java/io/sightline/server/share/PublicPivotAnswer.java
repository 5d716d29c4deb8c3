package io.sightline.server.share;

import io.sightline.common.visualization.PivotOptions;
import io.sightline.common.visualization.PivotTable;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code PIVOT} widget's {@code pivot} for the shared page: {@code common}'s {@link PivotTable} with each cell and
 * total as the desktop shows it (the aggregator's text, the heat-map renderers' fill), so the page only lays out
 * the table.
 */
final class PublicPivotAnswer {

    /** Past this many cells a pivot is not sent (its rows are; the page says so). */
    static final int MAX_CELLS = 20_000;

    private PublicPivotAnswer() {
    }

    static Map<String, Object> of(PivotOptions options, ResultData data) {
        PivotTable pivot = PivotTable.of(data.rows(), options);
        long cells = (long) pivot.rowKeys().size() * pivot.colKeys().size();
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("the pivot has " + cells + " cells, more than the page shows ("
                    + MAX_CELLS + ")");
        }
        String renderer = options.string("rendererName");
        boolean heat = renderer != null && renderer.contains("Heatmap");
        double max = pivot.largestCell();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", options.rows());
        out.put("cols", options.cols());
        out.put("aggregator", pivot.aggregatorName());
        out.put("row_keys", pivot.rowKeys());
        out.put("col_keys", pivot.colKeys());
        List<List<Map<String, Object>>> table = new ArrayList<>();
        for (List<String> rowKey : pivot.rowKeys()) {
            List<Map<String, Object>> line = new ArrayList<>();
            for (List<String> colKey : pivot.colKeys()) {
                Double value = pivot.cell(rowKey, colKey);
                Map<String, Object> cell = cell(pivot, value);
                cell.put("color", heat && value != null && max > 0 ? PivotTable.heatColor(Math.abs(value) / max) : null);
                line.add(cell);
            }
            table.add(line);
        }
        out.put("cells", table);
        out.put("row_totals", options.rowTotals()
                ? pivot.rowKeys().stream().map(k -> cell(pivot, pivot.rowTotals().get(k))).toList() : null);
        out.put("col_totals", options.colTotals()
                ? pivot.colKeys().stream().map(k -> cell(pivot, pivot.colTotals().get(k))).toList() : null);
        out.put("grand_total", options.rowTotals() && options.colTotals() ? cell(pivot, pivot.grandTotal()) : null);
        return out;
    }

    private static Map<String, Object> cell(PivotTable pivot, Double value) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("value", value);
        cell.put("text", pivot.text(value));
        return cell;
    }
}
