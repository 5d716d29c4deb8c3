package io.sightline.desktop.admin;

import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.desktop.widgets.Cells;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Admin: the query snippets; for one its trigger, description and text ({@code ${1:placeholder}} stops). */
public final class SnippetAdminView extends Dialog<Void> {

    public SnippetAdminView(SnippetAdminViewModel model) {
        setTitle("Query snippets");
        setResizable(true);

        ListView<QuerySnippet> list = new ListView<>(model.snippets());
        list.setId("snippets-list");
        list.setPrefWidth(220);
        Cells.show(list, snippet -> snippet.trigger() + (snippet.user() == null ? "" : " \u00B7 " + snippet.user().name()));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.select(chosen);
            }
        });
        Button add = new Button("New snippet");
        add.setId("snippet-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox left = new VBox(6, list, add);
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField trigger = new TextField();
        trigger.setId("snippet-trigger");
        trigger.setPromptText("the word completion offers it under");
        trigger.textProperty().bindBidirectional(model.triggerProperty());
        TextField description = new TextField();
        description.setId("snippet-description");
        description.textProperty().bindBidirectional(model.descriptionProperty());
        TextArea text = new TextArea();
        text.setId("snippet-text");
        text.setPromptText("SELECT * FROM ${1:table} LIMIT ${2:10}");
        text.textProperty().bindBidirectional(model.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Button save = new Button("Save");
        save.setId("snippet-save");
        save.setOnAction(e -> model.save());
        Button delete = new Button("Delete");
        delete.setId("snippet-delete");
        delete.setOnAction(e -> model.delete());
        Label hint = new Label("Tab stops: ${1:placeholder}, ${2}, \u2026; $0 is where the caret ends.");
        hint.getStyleClass().add("muted");
        Label message = new Label();
        message.setId("snippet-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox right = new VBox(6, new Label("Trigger"), trigger, new Label("Description"), description,
                new Label("Snippet"), text, hint, new HBox(6, save, delete), message);
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane content = new BorderPane(right, null, null, null, left);
        content.setPrefSize(760, 480);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }
}
