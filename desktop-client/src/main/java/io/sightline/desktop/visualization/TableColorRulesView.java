package io.sightline.desktop.visualization;

import io.sightline.common.visualization.CellColorRule;
import io.sightline.common.visualization.map.Rgb;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The selected column's colour rules in the table editor: per rule an operator, the value it compares with, a
 * colour (a range: from a first colour at the smallest value to it at the largest) and whether the whole row takes
 * it, and a button to remove it; a button adds one. The rules of all columns
 * are tried in one order, so a rule added goes after the others.
 */
final class TableColorRulesView extends VBox {

    private final TableOptionsViewModel model;
    private final VBox rules = new VBox(4);
    private final Button add = new Button("Add colour rule");
    private String column;

    TableColorRulesView(TableOptionsViewModel model) {
        super(4);
        this.model = model;
        setId("editor-table-colors");
        add.setId("editor-table-color-add");
        add.setOnAction(e -> model.addCellColor(column));
        model.cellColors().addListener((ListChangeListener<CellColorSettings>) c -> rebuild());
        Label title = new Label("Colours (the first rule that matches a cell wins)");
        getChildren().addAll(title, rules, add);
        show(null);
    }

    /** Shows the rules of {@code column} (none: nothing to edit). */
    void show(String column) {
        this.column = column;
        setDisable(column == null);
        rebuild();
    }

    private void rebuild() {
        rules.getChildren().clear();
        int i = 0;
        for (CellColorSettings rule : model.cellColors()) {
            if (rule.column().equals(column)) {
                rules.getChildren().add(row(rule, i++));
            }
        }
    }

    private HBox row(CellColorSettings rule, int index) {
        ComboBox<String> op = new ComboBox<>(FXCollections.observableArrayList(CellColorRule.OPERATORS));
        op.setId("editor-table-color-op-" + index);
        op.valueProperty().bindBidirectional(rule.opProperty());
        TextField value = new TextField();
        value.setId("editor-table-color-value-" + index);
        value.setPromptText("value");
        value.setPrefColumnCount(8);
        value.textProperty().bindBidirectional(rule.valueProperty());
        value.disableProperty().bind(rule.opProperty().isEqualTo("empty").or(rule.opProperty().isEqualTo("notEmpty"))
                .or(rule.opProperty().isEqualTo("range")));
        ColorPicker from = new ColorPicker(colour(rule.minColorProperty().get()));
        from.setId("editor-table-color-from-" + index);
        from.valueProperty().addListener((obs, old, now) -> rule.minColorProperty().set(hex(now)));
        from.visibleProperty().bind(rule.opProperty().isEqualTo("range"));
        from.managedProperty().bind(from.visibleProperty());
        ColorPicker color = new ColorPicker(colour(rule.colorProperty().get()));
        color.setId("editor-table-color-color-" + index);
        color.valueProperty().addListener((obs, old, now) -> rule.colorProperty().set(hex(now)));
        CheckBox row = new CheckBox("Whole row");
        row.setId("editor-table-color-row-" + index);
        row.selectedProperty().bindBidirectional(rule.highlightRowProperty());
        Button remove = new Button("✕");
        remove.setId("editor-table-color-remove-" + index);
        remove.setOnAction(e -> model.removeCellColor(rule));
        HBox line = new HBox(4, op, value, from, color, row, remove);
        line.getStyleClass().add("editor-table-color-rule");
        return line;
    }

    /** The saved colour (an unreadable one shows as white, and the editor warns of it). */
    private static Color colour(String css) {
        Rgb rgb = Rgb.parse(css);
        return rgb == null ? Color.WHITE : Color.rgb(rgb.red(), rgb.green(), rgb.blue());
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
