package io.sightline.server.share;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableCells;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code TABLE} widget's {@code table} for the shared page: the visible columns in their saved order with their
 * titles and alignment, and each row's cells as the workbench writes them ({@link TableCells}: number and date
 * formats, boolean words, link texts), so the page only lays them out. Row {@code i} of {@code cells} is row
 * {@code i} of the answer's {@code rows} (a click drills through with it).
 */
final class PublicTableAnswer {

    private PublicTableAnswer() {
    }

    static Map<String, Object> of(TableOptions options, ResultData data) {
        List<TableColumn> columns = options.columns(data.columns()).stream().filter(TableColumn::visible).toList();
        List<Map<String, Object>> heads = new ArrayList<>();
        for (TableColumn column : columns) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("name", column.name());
            head.put("title", column.title());
            head.put("align", column.alignContent());
            heads.add(head);
        }
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : data.rows()) {
            List<String> texts = new ArrayList<>(columns.size());
            for (TableColumn column : columns) {
                texts.add(TableCells.format(column, row));
            }
            cells.add(texts);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("columns", heads);
        table.put("cells", cells);
        table.put("items_per_page", options.itemsPerPage());
        return table;
    }
}
