package io.sightline.desktop.admin;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.widgets.Cells;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Admin: the users, and a form for one with its groups, disable/enable and a new API key. */
public final class UserAdminView extends Dialog<Void> {

    private final UserAdminViewModel model;
    private final VBox groupBoxes = new VBox(4);

    public UserAdminView(UserAdminViewModel model) {
        this.model = model;
        setTitle("Users");
        setResizable(true);
        ListView<User> list = new ListView<>(model.users());
        list.setId("users-list");
        list.setPrefWidth(340);
        Cells.show(list, user -> user.name() + " <" + user.email() + ">" + (user.disabled() ? " (disabled)"
                : user.invitationPending() ? " (no password yet)" : ""));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.edit(chosen);
            }
        });
        Button add = new Button("New user");
        add.setId("user-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox left = new VBox(6, list, add);
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("user-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField email = new TextField();
        email.setId("user-email");
        email.textProperty().bindBidirectional(model.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("user-password");
        password.setPromptText("leave empty to keep it");
        password.textProperty().bindBidirectional(model.passwordProperty());
        TextField apiKey = new TextField();
        apiKey.setId("user-api-key");
        apiKey.setEditable(false);
        apiKey.textProperty().bind(model.apiKeyProperty());
        TextField link = new TextField();
        link.setId("user-link");
        link.setEditable(false);
        link.setPromptText("an invitation or password reset link, when you make one");
        link.textProperty().bind(model.linkProperty());
        Button copyLink = new Button("Copy");
        copyLink.setId("user-link-copy");
        copyLink.disableProperty().bind(model.linkProperty().isEmpty());
        copyLink.setOnAction(e -> Clipboard.getSystemClipboard().setContent(
                java.util.Map.of(DataFormat.PLAIN_TEXT, model.linkProperty().get())));
        HBox linkRow = new HBox(6, link, copyLink);
        HBox.setHgrow(link, Priority.ALWAYS);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Email"), email);
        form.addRow(2, new Label("Password"), password);
        form.addRow(3, new Label("API key"), apiKey);
        form.addRow(4, new Label("Link"), linkRow);
        form.addRow(5, new Label("Groups"), groupBoxes);
        GridPane.setHgrow(name, Priority.ALWAYS);
        model.groups().addListener((ListChangeListener<Group>) change -> buildGroupBoxes());
        model.memberOf().addListener((SetChangeListener<Long>) change -> refreshGroupBoxes());

        Label message = new Label();
        message.setId("user-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button save = new Button("Save");
        save.setId("user-save");
        save.setOnAction(e -> model.save());
        Button disable = new Button();
        disable.setId("user-disable");
        disable.textProperty().bind(Bindings.createStringBinding(() -> model.editingProperty().get() != null
                && model.editingProperty().get().disabled() ? "Enable" : "Disable", model.editingProperty()));
        disable.disableProperty().bind(model.editingProperty().isNull());
        disable.setOnAction(e -> model.toggleDisabled());
        Button regenerate = new Button("New API key");
        regenerate.setId("user-regenerate-key");
        regenerate.disableProperty().bind(model.editingProperty().isNull());
        regenerate.setOnAction(e -> model.regenerateApiKey());

        Button invite = new Button("Invitation link");
        invite.setId("user-invite");
        invite.disableProperty().bind(Bindings.createBooleanBinding(() -> !invitable(model.editingProperty().get()),
                model.editingProperty()));
        invite.setOnAction(e -> model.inviteAgain());
        Button reset = new Button("Password reset link");
        reset.setId("user-reset-password");
        reset.disableProperty().bind(Bindings.createBooleanBinding(() -> !resettable(model.editingProperty().get()),
                model.editingProperty()));
        reset.setOnAction(e -> model.resetPassword());

        VBox right = new VBox(10, form, message, new HBox(8, save, disable, regenerate, invite, reset));
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane content = new BorderPane(right, null, null, null, left);
        content.setPrefSize(980, 520);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }

    private static boolean invitable(User user) {
        return user != null && user.invitationPending() && !user.disabled();
    }

    private static boolean resettable(User user) {
        return user != null && !user.invitationPending() && !user.disabled();
    }

    private void buildGroupBoxes() {
        groupBoxes.getChildren().clear();
        for (Group group : model.groups()) {
            CheckBox box = new CheckBox(group.name());
            box.setId("user-group-" + group.name());
            box.setUserData(group.id());
            box.setSelected(model.memberOf().contains(group.id()));
            box.selectedProperty().addListener((obs, old, on) -> {
                if (on) {
                    model.memberOf().add(group.id());
                } else {
                    model.memberOf().remove(group.id());
                }
            });
            groupBoxes.getChildren().add(box);
        }
    }

    private void refreshGroupBoxes() {
        groupBoxes.getChildren().forEach(node -> {
            CheckBox box = (CheckBox) node;
            boolean member = model.memberOf().contains((Long) box.getUserData());
            if (box.isSelected() != member) {
                box.setSelected(member);
            }
        });
    }
}
