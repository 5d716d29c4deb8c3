package io.sightline.server.share;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableCellColors;
import io.sightline.common.visualization.TableCells;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableLink;
import io.sightline.common.visualization.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code TABLE} widget's {@code table} for the shared page: the visible columns in their saved order with their
 * titles and alignment, and each row's cells as the workbench writes them ({@link TableCells}: number and date
 * formats, boolean words, link texts), so the page only lays them out. Row {@code i} of {@code cells} is row
 * {@code i} of the answer's {@code rows} (a click drills through with it). When a column shows links,
 * {@code links} is beside {@code cells}: each cell's {@code {url, title}}, or null; only web and mail addresses
 * are given as links ({@link TableLink#opens()}), so a template filled from the result cannot make the page's
 * reader follow a {@code javascript:} or {@code file:} one. When the table has conditional colours (Sightline's
 * {@code sightline.cellColors}), {@code colors} is beside {@code cells}: per row null (nothing coloured) or each
 * cell's {@code {background, text}} as {@link TableCellColors} decides them, or null; both are {@code #rrggbb}.
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
        boolean linked = columns.stream().anyMatch(c -> "link".equals(c.displayAs()));
        TableCellColors paint = options.cellColors(data.columns(), data.rows());
        List<List<Map<String, String>>> colors = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        List<List<Map<String, String>>> links = new ArrayList<>();
        for (Map<String, Object> row : data.rows()) {
            List<String> texts = new ArrayList<>(columns.size());
            List<Map<String, String>> rowLinks = new ArrayList<>(columns.size());
            for (TableColumn column : columns) {
                var link = TableCells.link(column, row).filter(TableLink::opens);
                texts.add(link.map(TableLink::text).orElseGet(() -> TableCells.format(column, row)));
                rowLinks.add(link.map(l -> Map.of("url", l.url(), "title", l.title())).orElse(null));
            }
            cells.add(texts);
            links.add(rowLinks);
            if (!paint.isEmpty()) {
                colors.add(colors(paint, columns, row));
            }
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("columns", heads);
        table.put("cells", cells);
        if (linked) {
            table.put("links", links);
        }
        if (!paint.isEmpty()) {
            table.put("colors", colors);
        }
        table.put("items_per_page", options.itemsPerPage());
        return table;
    }

    private static List<Map<String, String>> colors(TableCellColors paint, List<TableColumn> columns,
                                                    Map<String, Object> row) {
        List<Map<String, String>> rowColors = new ArrayList<>(columns.size());
        boolean any = false;
        for (TableColumn column : columns) {
            var color = paint.color(column.name(), row);
            any |= color.isPresent();
            rowColors.add(color.map(c -> Map.of("background", c.background(), "text", c.text())).orElse(null));
        }
        return any ? rowColors : null;
    }
}
