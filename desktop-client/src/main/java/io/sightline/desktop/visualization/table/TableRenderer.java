package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableCells;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.List;
import java.util.Map;
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

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        TableOptions options = new TableOptions(saved, CurrentFormats.get());
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
                    setText(empty || row == null ? null : TableCells.format(column, row));
                    setAlignment("right".equals(column.alignContent()) ? Pos.CENTER_RIGHT
                            : "center".equals(column.alignContent()) ? Pos.CENTER : Pos.CENTER_LEFT);
                }
            });
            table.getColumns().add(drawn);
        }
        return table;
    }
}
