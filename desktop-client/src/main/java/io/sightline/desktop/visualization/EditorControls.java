package io.sightline.desktop.visualization;

import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The form controls of the visualization editor's sections, each bound both ways to a view-model property. */
final class EditorControls {

    private EditorControls() {
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    /** Adds a labelled row; returns the field. */
    static Node row(GridPane grid, int row, String label, Node field) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        if (field instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(r, Priority.ALWAYS);
        }
        return field;
    }

    static ComboBox<String> combo(String id, ObservableList<String> items,
                                          StringProperty value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setValue(value.get());
        box.valueProperty().addListener((obs, old, v) -> value.set("(none)".equals(v) ? null : v));
        value.addListener((obs, old, v) -> box.setValue(v));
        return box;
    }

    static ObservableList<String> withNone(ObservableList<String> columns) {
        ObservableList<String> all = FXCollections.observableArrayList("(none)");
        all.addAll(columns);
        return all;
    }

    /** Shows each saved value of {@code box} by its name in {@code names} (a value without a name as itself). */
    static ComboBox<String> named(ComboBox<String> box, Map<String, String> names) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? null : names.getOrDefault(value, value);
            }

            @Override
            public String fromString(String text) {
                return names.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey)
                        .findFirst().orElse(text);
            }
        });
        return box;
    }

    static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }
}
