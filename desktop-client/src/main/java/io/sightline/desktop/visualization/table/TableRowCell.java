package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.TableCells;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableLink;
import io.sightline.desktop.visualization.render.LinkRequested;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A cell as its column says: formatted text, aligned; in a link column a link that asks the window to open it
 * ({@link LinkRequested}). A link whose URL is not a web or mail address is shown as text, with a tooltip saying
 * why it does not open.
 */
final class TableRowCell extends TableCell<Map<String, Object>, Map<String, Object>> {

    private final TableColumn column;

    TableRowCell(TableColumn column) {
        this.column = column;
        setAlignment("right".equals(column.alignContent()) ? Pos.CENTER_RIGHT
                : "center".equals(column.alignContent()) ? Pos.CENTER : Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Map<String, Object> row, boolean empty) {
        super.updateItem(row, empty);
        setGraphic(null);
        setTooltip(null);
        if (empty || row == null) {
            setText(null);
            return;
        }
        Optional<TableLink> link = TableCells.link(column, row);
        if (link.isEmpty()) {
            setText(TableCells.format(column, row));
            return;
        }
        TableLink to = link.get();
        if (!to.opens()) {
            setText(to.text());
            setTooltip(new Tooltip("Not opened: " + to.url() + " is not a web or mail address"));
            return;
        }
        Hyperlink hyperlink = new Hyperlink(to.text());
        hyperlink.getStyleClass().add("table-link");
        hyperlink.setTooltip(new Tooltip(to.title().isEmpty() ? to.url() : to.title() + "\n" + to.url()));
        hyperlink.setOnAction(e -> hyperlink.fireEvent(new LinkRequested(to.url())));
        setText(null);
        setGraphic(hyperlink);
    }
}
