package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.TableCellColors;
import io.sightline.common.visualization.TableCellColors.CellColor;
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
 * why it does not open. A cell a colour rule matches is painted in the rule's colour, its text (a link's too) in
 * the black or white that reads on it, whatever the theme.
 */
final class TableRowCell extends TableCell<Map<String, Object>, Map<String, Object>> {

    static final String COLOURED = "table-cell-coloured";

    private final TableColumn column;
    private final TableCellColors colors;

    TableRowCell(TableColumn column, TableCellColors colors) {
        this.column = column;
        this.colors = colors;
        setAlignment("right".equals(column.alignContent()) ? Pos.CENTER_RIGHT
                : "center".equals(column.alignContent()) ? Pos.CENTER : Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Map<String, Object> row, boolean empty) {
        super.updateItem(row, empty);
        setGraphic(null);
        setTooltip(null);
        getStyleClass().remove(COLOURED);
        setStyle(null);
        if (empty || row == null) {
            setText(null);
            return;
        }
        // colours a rule decided are #rrggbb (common's Rgb), so they go into the style as they are
        Optional<CellColor> paint = colors.color(column.name(), row);
        paint.ifPresent(p -> {
            getStyleClass().add(COLOURED);
            setStyle("-fx-background-color: " + p.background() + "; -fx-text-fill: " + p.text() + ";");
        });
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
        paint.ifPresent(p -> hyperlink.setStyle("-fx-text-fill: " + p.text() + "; -fx-underline: true;"));
        hyperlink.setTooltip(new Tooltip(to.title().isEmpty() ? to.url() : to.title() + "\n" + to.url()));
        hyperlink.setOnAction(e -> hyperlink.fireEvent(new LinkRequested(to.url())));
        setText(null);
        setGraphic(hyperlink);
    }
}
