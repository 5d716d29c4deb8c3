package io.sightline.desktop.admin;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.widgets.Cells;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Admin: the groups; for one its name, members and access to each data source. */
public final class GroupAdminView extends Dialog<Void> {

    private final GroupAdminViewModel model;
    private final GridPane accessRows = new GridPane();

    public GroupAdminView(GroupAdminViewModel model) {
        this.model = model;
        setTitle("Groups");
        setResizable(true);

        ListView<Group> list = new ListView<>(model.groups());
        list.setId("groups-list");
        list.setPrefWidth(200);
        Cells.show(list, group -> group.name() + (group.builtin() ? " (builtin)" : ""));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.select(chosen);
            }
        });
        TextField newName = new TextField();
        newName.setId("group-new-name");
        newName.setPromptText("new group name");
        Button create = new Button("Create");
        create.setId("group-create");
        create.setOnAction(e -> {
            model.create(newName.getText());
            newName.clear();
        });
        VBox left = new VBox(6, list, new HBox(6, newName, create));
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("group-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        Button rename = new Button("Rename");
        rename.setId("group-rename");
        rename.setOnAction(e -> model.rename());
        Button delete = new Button("Delete group");
        delete.setId("group-delete");
        delete.setOnAction(e -> model.delete());
        model.selectedProperty().addListener((obs, old, group) -> {
            boolean builtin = group == null || group.builtin();
            name.setEditable(!builtin);
            rename.setDisable(builtin);
            delete.setDisable(builtin);
        });
        HBox header = new HBox(8, new Label("Name"), name, rename, delete);
        HBox.setHgrow(name, Priority.ALWAYS);

        ListView<User> members = new ListView<>(model.members());
        members.setId("group-members");
        members.setPrefHeight(140);
        Cells.show(members, user -> user.name() + " <" + user.email() + ">");
        ComboBox<User> candidate = new ComboBox<>(model.users());
        candidate.setId("group-member-candidate");
        Cells.show(candidate, user -> user.name() + " <" + user.email() + ">");
        Button addMember = new Button("Add member");
        addMember.setId("group-add-member");
        addMember.setOnAction(e -> model.addMember(candidate.getValue()));
        Button removeMember = new Button("Remove member");
        removeMember.setId("group-remove-member");
        removeMember.setOnAction(e -> model.removeMember(members.getSelectionModel().getSelectedItem()));
        VBox memberBox = new VBox(6, members, new HBox(6, candidate, addMember, removeMember));
        TitledPane memberPane = new TitledPane("Members", memberBox);
        memberPane.setCollapsible(false);

        accessRows.setHgap(8);
        accessRows.setVgap(6);
        model.access().addListener((ListChangeListener<DataSourceAccess>) change -> buildAccessRows());
        Label adminNote = new Label("Members of the admin group may use every data source.");
        adminNote.setId("group-admin-note");
        adminNote.managedProperty().bind(adminNote.visibleProperty());
        adminNote.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() != null && model.selectedProperty().get().builtin()
                        && "admin".equals(model.selectedProperty().get().name()), model.selectedProperty()));
        ScrollPane accessScroll = new ScrollPane(accessRows);
        accessScroll.setFitToWidth(true);
        accessScroll.setPrefViewportHeight(160);
        TitledPane accessPane = new TitledPane("Data sources", new VBox(6, adminNote, accessScroll));
        accessPane.setCollapsible(false);

        Label message = new Label();
        message.setId("group-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox right = new VBox(10, header, memberPane, accessPane, message);
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane content = new BorderPane(right, null, null, null, left);
        content.setPrefSize(820, 560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }

    private void buildAccessRows() {
        accessRows.getChildren().clear();
        int row = 0;
        for (DataSourceAccess access : model.access()) {
            ComboBox<DataSourceAccess.Level> level = new ComboBox<>();
            level.getItems().setAll(DataSourceAccess.Level.values());
            level.setValue(access.level());
            level.setId("group-access-" + access.dataSourceId());
            level.valueProperty().addListener((obs, old, chosen) -> {
                if (chosen != null) {
                    model.setAccess(access, chosen);
                }
            });
            accessRows.addRow(row++, new Label(access.dataSourceName()), level);
        }
    }
}
