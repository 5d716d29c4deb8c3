package io.sightline.desktop.dashboard;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A new text widget's Markdown, typed beside a live preview drawn as the widget will be (raw HTML as text). */
final class TextWidgetDialog extends Dialog<String> {

    TextWidgetDialog() {
        setTitle("Add a text widget");
        setHeaderText("Markdown: headings, **bold**, *italic*, lists, links. HTML is shown as text.");
        TextArea markdown = new TextArea("## Title\n\nSome **notes** about these numbers.");
        markdown.setId("text-widget-markdown");
        markdown.setWrapText(true);
        markdown.setPrefSize(360, 260);
        ScrollPane preview = new ScrollPane();
        preview.setId("text-widget-preview");
        preview.setFitToWidth(true);
        preview.setPrefSize(360, 260);
        preview.setContent(MarkdownText.render(markdown.getText()));
        markdown.textProperty().addListener((obs, old, text) -> preview.setContent(MarkdownText.render(text)));
        HBox.setHgrow(markdown, Priority.ALWAYS);
        HBox.setHgrow(preview, Priority.ALWAYS);
        HBox panes = new HBox(10, new VBox(4, new Label("Markdown"), markdown), new VBox(4, new Label("Preview"),
                preview));
        panes.setPadding(new Insets(6));
        getDialogPane().setContent(panes);
        ButtonType add = new ButtonType("Add", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        getDialogPane().lookupButton(add).disableProperty().bind(markdown.textProperty().isEmpty());
        setResultConverter(button -> button == add ? markdown.getText() : null);
    }
}
