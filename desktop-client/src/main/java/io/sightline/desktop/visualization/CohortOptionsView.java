package io.sightline.desktop.visualization;

import static io.sightline.desktop.visualization.EditorControls.combo;
import static io.sightline.desktop.visualization.EditorControls.row;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** The cohort fields of the visualization editor: interval, mode and the four columns, named as in Redash. */
final class CohortOptionsView extends GridPane {

    CohortOptionsView(CohortOptionsViewModel model, ObservableList<String> columns) {
        setHgap(8);
        setVgap(6);
        row(this, 0, "Time interval", combo("editor-cohort-interval", FXCollections.observableArrayList(
                CohortOptionsViewModel.TIME_INTERVALS), model.timeIntervalProperty()));
        ComboBox<String> mode = combo("editor-cohort-mode", FXCollections.observableArrayList(
                CohortOptionsViewModel.MODES), model.modeProperty());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return "simple".equals(value) ? "Show data as is" : "diagonal".equals(value)
                        ? "Fill gaps with zeros" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        row(this, 1, "Mode", mode);
        row(this, 2, "Date (bucket)", combo("editor-cohort-date", columns, model.dateColumnProperty()));
        row(this, 3, "Stage", combo("editor-cohort-stage", columns, model.stageColumnProperty()));
        row(this, 4, "Bucket population", combo("editor-cohort-total", columns, model.totalColumnProperty()));
        row(this, 5, "Stage value", combo("editor-cohort-value", columns, model.valueColumnProperty()));
    }
}
