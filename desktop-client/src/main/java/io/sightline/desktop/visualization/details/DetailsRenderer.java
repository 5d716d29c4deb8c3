package io.sightline.desktop.visualization.details;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableCells;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * {@code DETAILS}: one record at a time, each visible column's title beside its value (formatted as the table's
 * columns are, {@link TableCells}), and a pager (previous, "record i of n", next) as Redash's details view.
 */
public final class DetailsRenderer implements VisualizationRenderer {

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        List<TableColumn> columns = new TableOptions(saved, CurrentFormats.get()).columns(result.columns()).stream()
                .filter(TableColumn::visible).toList();
        int count = result.rows().size();
        IntegerProperty current = new SimpleIntegerProperty(0);

        GridPane fields = new GridPane();
        fields.setId("details-fields");
        fields.getStyleClass().add("details-fields");
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.RIGHT);
        fields.getColumnConstraints().addAll(names, new ColumnConstraints());
        Runnable show = () -> fill(fields, columns, count == 0 ? null : result.rows().get(current.get()));

        Button previous = new Button("\u2039");
        previous.setId("details-previous");
        Button next = new Button("\u203A");
        next.setId("details-next");
        Label position = new Label();
        position.setId("details-position");
        position.getStyleClass().add("muted");
        previous.setOnAction(e -> current.set(Math.max(0, current.get() - 1)));
        next.setOnAction(e -> current.set(Math.min(count - 1, current.get() + 1)));
        previous.disableProperty().bind(current.isEqualTo(0));
        next.disableProperty().bind(current.greaterThanOrEqualTo(count - 1));
        current.addListener((obs, old, now) -> {
            show.run();
            position.setText(positionText(now.intValue(), count));
        });
        show.run();
        position.setText(positionText(0, count));

        HBox pager = new HBox(8, previous, position, next);
        pager.getStyleClass().add("details-pager");
        pager.setAlignment(Pos.CENTER);
        pager.setPadding(new Insets(6));
        pager.setVisible(count > 1);
        pager.setManaged(count > 1);

        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("details-scroll");
        BorderPane pane = new BorderPane(scroll);
        pane.setBottom(pager);
        pane.getStyleClass().add("details-visualization");
        return pane;
    }

    static String positionText(int index, int count) {
        return count == 0 ? "No records" : "Record " + (index + 1) + " of " + count;
    }

    private static void fill(GridPane fields, List<TableColumn> columns, Map<String, Object> row) {
        fields.getChildren().clear();
        if (row == null) {
            return;
        }
        int r = 0;
        for (TableColumn column : columns) {
            Label name = new Label(column.title());
            name.getStyleClass().add("details-field");
            Label value = new Label(TableCells.format(column, row));
            value.getStyleClass().add("details-value");
            value.setWrapText(true);
            value.setMaxWidth(Double.MAX_VALUE);
            fields.addRow(r++, name, value);
        }
    }
}
