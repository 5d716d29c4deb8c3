package io.sightline.desktop.visualization;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The Series section of the chart editor, as Redash's Series tab: a row per series of the chart with its type and
 * its colour (a colour picker showing the colour it is drawn in), rebuilt as the series change.
 */
final class SeriesOptionsView extends GridPane {

    private final SeriesOptionsViewModel model;

    SeriesOptionsView(SeriesOptionsViewModel model, ObservableList<String> series) {
        this.model = model;
        setId("editor-series-options");
        setHgap(8);
        setVgap(6);
        series.addListener((ListChangeListener<String>) c -> rows(series));
        rows(series);
    }

    private void rows(List<String> series) {
        getChildren().clear();
        Label heading = new Label("Series");
        heading.getStyleClass().add("section-heading");
        add(heading, 0, 0, 3, 1);
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i);
            ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(SeriesOptionsViewModel.TYPES));
            type.setId("editor-series-type-" + name);
            type.setValue(model.typeOf(name));
            type.valueProperty().addListener((obs, old, now) -> model.chooseType(name, now));
            type.setMinWidth(Region.USE_PREF_SIZE); // "(chart type)" whole
            ColorPicker color = new ColorPicker(Color.web(model.colorOf(name, i)));
            color.setId("editor-series-color-" + name);
            color.valueProperty().addListener((obs, old, now) -> model.chooseColor(name, hex(now)));
            color.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(color, Priority.ALWAYS);
            Label label = new Label(name);
            label.setMinWidth(80);
            addRow(i + 1, label, type, color);
        }
        setVisible(!series.isEmpty());
        setManaged(!series.isEmpty());
    }

    static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }
}
