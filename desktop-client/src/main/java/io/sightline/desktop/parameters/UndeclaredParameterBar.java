package io.sightline.desktop.parameters;

import io.sightline.common.parameter.ParameterType;
import io.sightline.desktop.widgets.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A bar above the editor, not a dialog, so typing goes on: "Parameter 'x' is not declared", with a button
 * that opens the parameter's settings with the type guessed from its name, and one to ignore it.
 */
public final class UndeclaredParameterBar extends HBox {

    private final ParametersViewModel model;
    private final Label message = new Label();
    private final Button declare = new Button();

    public UndeclaredParameterBar(ParametersViewModel model) {
        this.model = model;
        setId("undeclared-parameter-bar");
        getStyleClass().add("notification-bar");
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        message.setId("undeclared-parameter-message");
        declare.setId("declare-parameter");
        declare.setOnAction(e -> declare());
        Button ignore = new Button("Ignore");
        ignore.setId("ignore-parameter");
        ignore.setOnAction(e -> model.ignore(model.undeclaredProperty().get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(message, gap, declare, ignore);
        model.undeclaredProperty().addListener((obs, old, name) -> show(name));
        show(model.undeclaredProperty().get());
    }

    private void show(String name) {
        boolean asking = !name.isEmpty();
        setVisible(asking);
        setManaged(asking);
        if (asking) {
            message.setText("Parameter '" + name + "' is not declared");
            declare.setText("Declare as " + model.guessedType(name).wireName() + "\u2026");
        }
    }

    private void declare() {
        String name = model.undeclaredProperty().get();
        ParameterFieldViewModel field = model.field(name);
        if (field == null) {
            return;
        }
        ParameterType guess = model.guessedType(name);
        Dialogs.ownedBy(this, new ParameterSettingsDialog(field, guess)).showAndWait()
                .filter(ButtonType.OK::equals).ifPresent(ok -> model.declare(name));
    }
}
