package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.row;
import static io.sightline.desktop.visualization.EditorControls.withNone;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The chart editor's Comparison section: the previous period to overlay, and the date column it is read from. */
final class ComparisonOptionsView extends VBox {

    ComparisonOptionsView(ComparisonOptionsViewModel model, ObservableList<String> columns) {
        super(4);
        setId("editor-comparison");
        Label title = new Label("Comparison");
        title.getStyleClass().add("section-heading");
        GridPane grid = EditorControls.grid();
        ComboBox<String> period = combo("editor-comparison-period",
                FXCollections.observableArrayList(ComparisonOptionsViewModel.PERIODS), model.periodProperty());
        ComboBox<String> column = combo("editor-comparison-column", withNone(columns), model.columnProperty());
        column.setPromptText("the X column");
        column.disableProperty().bind(model.periodProperty().isEqualTo(ComparisonOptionsViewModel.NONE));
        row(grid, 0, "Compare with", period);
        row(grid, 1, "Date column", column);
        getChildren().addAll(title, grid);
    }
}
