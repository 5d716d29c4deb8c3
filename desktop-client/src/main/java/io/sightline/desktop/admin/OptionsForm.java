package io.sightline.desktop.admin;

import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.desktop.widgets.Cells;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The form generated from a type's configuration schema: name, type, then one row per field (a check box for a
 * boolean, a password field for a secret, a text field otherwise, marked invalid while its value is). Rebuilt when
 * the type changes; a value the model sets (loading an existing one) shows in its field.
 */
public final class OptionsForm extends GridPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The name and type rows come before the fields: two rows of label and input. */
    private static final int FIRST_FIELD_CHILD = 4;

    private final SchemaFormModel model;
    private final String nameId;

    /** {@code nameId}: the CSS id of the name field, for tests and the screen's own lookups. */
    public OptionsForm(SchemaFormModel model, String nameId) {
        this.model = model;
        this.nameId = nameId;
        setHgap(8);
        setVgap(8);
        model.fields().addListener((ListChangeListener<OptionField>) change -> build());
        model.values().addListener((MapChangeListener<String, String>) change -> {
            if (change.wasAdded()) {
                show(change.getKey(), change.getValueAdded());
            }
        });
        build();
    }

    private void build() {
        getChildren().clear();
        TextField name = new TextField();
        name.setId(nameId);
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<DataSourceType> type = new ComboBox<>(model.types());
        type.valueProperty().bindBidirectional(model.typeProperty());
        Cells.show(type, DataSourceType::name);
        addRow(0, new Label("Name"), name);
        addRow(1, new Label("Type"), type);
        int row = 2;
        for (OptionField field : model.fields()) {
            Label label = new Label(field.title() + (field.required() ? " *" : ""));
            Node input = input(field, model.values().getOrDefault(field.name(), ""));
            GridPane.setHgrow(input, Priority.ALWAYS);
            addRow(row++, label, input);
        }
    }

    private Node input(OptionField field, String current) {
        if (field.kind().equals("boolean")) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.parseBoolean(current));
            box.selectedProperty().addListener((obs, old, on) -> model.values().put(field.name(), on.toString()));
            return box;
        }
        TextField text = field.secret() ? new PasswordField() : new TextField();
        text.setText(current);
        text.textProperty().addListener((obs, old, now) -> {
            model.values().put(field.name(), now);
            text.pseudoClassStateChanged(INVALID, field.problem(now) != null);
        });
        return text;
    }

    private void show(String key, String value) {
        int index = 0;
        for (OptionField field : model.fields()) {
            if (field.name().equals(key)) {
                int at = FIRST_FIELD_CHILD + index * 2 + 1;
                if (at >= getChildren().size()) {
                    return;
                }
                Node input = getChildren().get(at);
                if (input instanceof TextField text && !value.equals(text.getText())) {
                    text.setText(value);
                } else if (input instanceof CheckBox box) {
                    box.setSelected(Boolean.parseBoolean(value));
                }
            }
            index++;
        }
    }
}
