package io.sightline.desktop.parameters;

import io.sightline.common.parameter.ParameterType;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Title, enum options (one a line), pattern and multi-value choice of one parameter. */
final class ParameterSettingsDialog extends Dialog<ButtonType> {

    ParameterSettingsDialog(ParameterFieldViewModel field) {
        setTitle("Parameter " + field.name());
        TextField title = new TextField(field.titleProperty().get());
        TextArea options = new TextArea(field.enumOptionsProperty().get());
        options.setPrefRowCount(6);
        options.setPromptText("one option a line");
        TextField regex = new TextField(field.regexProperty().get());
        regex.setPromptText("a regular expression the whole value must match");
        CheckBox multi = new CheckBox("Allow several values (written as 'a','b')");
        multi.setSelected(field.multiValueProperty().get());
        ParameterType type = field.typeProperty().get();
        options.setDisable(type != ParameterType.ENUM);
        regex.setDisable(type != ParameterType.TEXT_PATTERN);
        multi.setDisable(type != ParameterType.ENUM && type != ParameterType.QUERY);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Options"), options);
        grid.addRow(2, new Label("Pattern"), regex);
        grid.add(multi, 1, 3);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                field.titleProperty().set(title.getText());
                field.enumOptionsProperty().set(options.getText());
                field.regexProperty().set(regex.getText());
                field.multiValueProperty().set(multi.isSelected());
            }
            return button;
        });
    }
}
