package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.DateTimeFormat;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import io.sightline.desktop.visualization.VisualizationRenderer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Pagination;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * {@code TABLE}: the visible columns in their saved order and titles, each cell formatted as its column says
 * (numbers with thousands separators and decimals, dates, booleans, links from templates), a page of
 * {@code itemsPerPage} rows at a time.
 */
public final class TableRenderer implements VisualizationRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        TableOptions options = new TableOptions(saved);
        List<TableColumn> columns = options.columns(result.columns()).stream().filter(TableColumn::visible).toList();
        int perPage = options.itemsPerPage();
        int pages = Math.max(1, (result.rows().size() + perPage - 1) / perPage);
        Pagination pagination = new Pagination(pages, 0);
        pagination.setId("table-pages");
        pagination.setPageFactory(page -> table(columns, result.rows().subList(page * perPage,
                Math.min(result.rows().size(), (page + 1) * perPage))));
        BorderPane pane = new BorderPane(pagination);
        pane.getStyleClass().add("table-visualization");
        return pane;
    }

    private static TableView<Map<String, Object>> table(List<TableColumn> columns, List<Map<String, Object>> rows) {
        TableView<Map<String, Object>> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("visualization-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TableColumn column : columns) {
            javafx.scene.control.TableColumn<Map<String, Object>, Map<String, Object>> drawn =
                    new javafx.scene.control.TableColumn<>(column.title());
            drawn.setSortable(false);
            drawn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
            drawn.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Map<String, Object> row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null : format(column, row));
                    setAlignment("right".equals(column.alignContent()) ? Pos.CENTER_RIGHT
                            : "center".equals(column.alignContent()) ? Pos.CENTER : Pos.CENTER_LEFT);
                }
            });
            table.getColumns().add(drawn);
        }
        return table;
    }

    /** The cell as its column shows it. */
    public static String format(TableColumn column, Map<String, Object> row) {
        Object cell = row.get(column.name());
        if (cell == null) {
            Object nullValue = column.saved().get("nullValue");
            return nullValue == null ? "" : String.valueOf(nullValue);
        }
        return switch (column.displayAs() == null ? "string" : column.displayAs()) {
            case "number" -> cell instanceof Number n ? NumberFormat.format(n, column.numberFormat())
                    : String.valueOf(cell);
            case "datetime" -> {
                LocalDateTime time = dateTime(cell);
                yield time == null ? String.valueOf(cell) : DateTimeFormat.format(time, column.dateTimeFormat());
            }
            case "boolean" -> {
                Object values = column.saved().get("booleanValues");
                boolean on = Boolean.TRUE.equals(cell) || "true".equalsIgnoreCase(String.valueOf(cell));
                yield values instanceof List<?> l && l.size() == 2 ? String.valueOf(l.get(on ? 1 : 0))
                        : String.valueOf(on);
            }
            case "link" -> fill(column.linkTextTemplate(), cell, row);
            default -> String.valueOf(cell);
        };
    }

    /** A template with {@code {{ @ }}} the cell and {@code {{ column }}} another cell of the row. */
    static String fill(String template, Object cell, Map<String, Object> row) {
        if (template == null) {
            return String.valueOf(cell);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object value = "@".equals(key) ? cell : row.containsKey(key) ? row.get(key) : null;
            String replacement = value != null || "@".equals(key) || row.containsKey(key)
                    ? String.valueOf(value) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static LocalDateTime dateTime(Object cell) {
        String text = String.valueOf(cell).strip().replace(' ', 'T');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            try {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
