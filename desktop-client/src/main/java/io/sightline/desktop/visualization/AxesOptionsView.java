package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.field;
import static io.sightline.desktop.visualization.EditorControls.row;

import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The Axes section of the chart editor, named as Redash's X Axis and Y Axis tabs: the X axis's scale and title;
 * the left Y axis's scale, title, min and max; the same for the right Y axis while a series is drawn against it.
 */
final class AxesOptionsView extends GridPane {

    private static final Map<String, String> NAMES = Map.of("-", "Auto", "datetime", "Date-time",
            "category", "Category", "linear", "Linear", "logarithmic", "Logarithmic");

    private final Node[] rightRows;

    AxesOptionsView(AxesOptionsViewModel model) {
        setId("editor-axes");
        setHgap(8);
        setVgap(6);
        Label heading = new Label("Axes");
        heading.getStyleClass().add("section-heading");
        add(heading, 0, 0, 2, 1);
        row(this, 1, "X axis scale", EditorControls.named(combo("editor-x-axis-type",
                FXCollections.observableArrayList(AxesOptionsViewModel.X_TYPES), model.xTypeProperty()), NAMES));
        row(this, 2, "X axis title", field("editor-x-axis-title", model.xTitleProperty()));
        yAxisRows(model.left(), "left", "Y axis", 3);
        rightRows = yAxisRows(model.right(), "right", "Right Y axis", 7);
    }

    /** Shows the right Y axis's fields while a series is drawn against it. */
    void showRightAxis(boolean shown) {
        for (Node field : rightRows) {
            getChildren().stream().filter(n -> GridPane.getRowIndex(n) != null
                    && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(field))).forEach(n -> {
                        n.setVisible(shown);
                        n.setManaged(shown);
                    });
        }
    }

    private Node[] yAxisRows(YAxisFields axis, String id, String name, int first) {
        TextField min = field("editor-" + id + "-axis-min", axis.minProperty());
        min.setPromptText("auto");
        TextField max = field("editor-" + id + "-axis-max", axis.maxProperty());
        max.setPromptText("auto");
        return new Node[] {
            row(this, first, name + " scale", EditorControls.named(combo("editor-" + id + "-axis-type",
                    FXCollections.observableArrayList(AxesOptionsViewModel.Y_TYPES), axis.typeProperty()), NAMES)),
            row(this, first + 1, name + " title", field("editor-" + id + "-axis-title", axis.titleProperty())),
            row(this, first + 2, name + " min", min),
            row(this, first + 3, name + " max", max)};
    }

}
