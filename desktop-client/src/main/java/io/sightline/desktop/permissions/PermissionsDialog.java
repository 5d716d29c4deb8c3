package io.sightline.desktop.permissions;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.widgets.Cells;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Manage permissions of a query or dashboard: the users who may edit it besides its owner and the admins, each with
 * Remove, and a user list to add one from. Refusals of the server are shown in the dialog.
 */
public final class PermissionsDialog extends Dialog<Void> {

    public PermissionsDialog(PermissionsDialogViewModel model) {
        setTitle("Manage permissions");
        Label intro = new Label("Besides its owner and the admins, these users may edit " + model.title() + ":");
        intro.setWrapText(true);
        ListView<User> granted = new ListView<>(model.granted());
        granted.setId("permissions-granted");
        granted.setPrefHeight(180);
        granted.setPlaceholder(new Label("No one else"));
        granted.setCellFactory(list -> new GrantedCell(model));

        ComboBox<User> user = new ComboBox<>(model.candidates());
        user.setId("permissions-user");
        user.setPromptText("Choose a user");
        user.setMaxWidth(Double.MAX_VALUE);
        Cells.show(user, PermissionsDialog::label);
        user.valueProperty().bindBidirectional(model.chosenProperty());
        HBox.setHgrow(user, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("permissions-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(model.chosenProperty().isNull().or(model.busyProperty()));
        add.setOnAction(e -> model.add());
        HBox adding = new HBox(8, user, add);
        adding.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("permissions-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        Label error = new Label();
        error.setId("permissions-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        VBox content = new VBox(8, intro, granted, adding, message, error);
        content.setPadding(new Insets(12));
        content.setPrefWidth(460);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }

    private static String label(User user) {
        return user == null ? "" : user.name() + " <" + user.email() + ">";
    }

    /** A granted user with a Remove button. */
    private static final class GrantedCell extends ListCell<User> {

        private final PermissionsDialogViewModel model;

        GrantedCell(PermissionsDialogViewModel model) {
            this.model = model;
            setPrefWidth(0); // as wide as the list: a long name is cut, Remove stays in view
        }

        @Override
        protected void updateItem(User user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(label(user));
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setId("permissions-remove-" + user.id());
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.disableProperty().bind(model.busyProperty());
            remove.setOnAction(e -> model.remove(user));
            HBox row = new HBox(8, name, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
