package io.sightline.desktop.parameters;

import io.sightline.common.parameter.ParameterType;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Type, title, enum options (one a line), options query, pattern and multi-value choice of one parameter. */
final class ParameterSettingsDialog extends Dialog<ButtonType> {

    ParameterSettingsDialog(ParameterFieldViewModel field) {
        this(field, field.typeProperty().get());
    }

    /** @param initialType the type shown first (a guess, when declaring a parameter just typed) */
    ParameterSettingsDialog(ParameterFieldViewModel field, ParameterType initialType) {
        setTitle("Parameter " + field.name());
        getDialogPane().setId("parameter-settings");
        ComboBox<ParameterType> type = new ComboBox<>();
        type.setId("parameter-settings-type");
        type.getItems().setAll(ParameterType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParameterType kind) {
                return kind == null ? "" : kind.wireName();
            }

            @Override
            public ParameterType fromString(String text) {
                return ParameterType.fromWire(text);
            }
        });
        type.setValue(initialType);
        TextField title = new TextField(field.titleProperty().get());
        TextArea options = new TextArea(field.enumOptionsProperty().get());
        options.setPrefRowCount(6);
        options.setPromptText("one option a line");
        TextField query = new TextField(field.queryIdProperty().get() == null ? ""
                : field.queryIdProperty().get().toString());
        query.setId("parameter-settings-query");
        query.setPromptText("id of the saved query whose latest result lists the options");
        TextField regex = new TextField(field.regexProperty().get());
        regex.setPromptText("a regular expression the whole value must match");
        CheckBox multi = new CheckBox("Allow several values (written as 'a','b')");
        multi.setId("parameter-settings-multi");
        multi.setSelected(field.multiValueProperty().get());
        options.disableProperty().bind(type.valueProperty().isNotEqualTo(ParameterType.ENUM));
        query.disableProperty().bind(type.valueProperty().isNotEqualTo(ParameterType.QUERY));
        regex.disableProperty().bind(type.valueProperty().isNotEqualTo(ParameterType.TEXT_PATTERN));
        multi.disableProperty().bind(Bindings.createBooleanBinding(() -> type.getValue() != ParameterType.ENUM
                && type.getValue() != ParameterType.QUERY, type.valueProperty()));
        Label queryProblem = new Label();
        queryProblem.getStyleClass().add("field-error");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Type"), type);
        grid.addRow(1, new Label("Title"), title);
        grid.addRow(2, new Label("Options"), options);
        grid.addRow(3, new Label("Options query"), query);
        grid.add(queryProblem, 1, 4);
        grid.addRow(5, new Label("Pattern"), regex);
        grid.add(multi, 1, 6);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (type.getValue() == ParameterType.QUERY && queryId(query.getText()) == null) {
                queryProblem.setText("Enter the id (a number) of the query that lists the options");
                event.consume();
            }
        });
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                field.typeProperty().set(type.getValue());
                field.titleProperty().set(title.getText());
                field.enumOptionsProperty().set(options.getText());
                field.regexProperty().set(regex.getText());
                field.queryIdProperty().set(type.getValue() == ParameterType.QUERY ? queryId(query.getText()) : null);
                field.multiValueProperty().set(multi.isSelected());
            }
            return button;
        });
    }

    private static Long queryId(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
