package io.sightline.desktop.query;

import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Name, description and tags of a query: for "Save as" and for renaming. */
public final class QueryPropertiesDialog extends Dialog<QueryPropertiesDialog.Properties> {

    public record Properties(String name, String description, List<String> tags) {
    }

    public QueryPropertiesDialog(String title, String name, String description, List<String> tags) {
        setTitle(title);
        TextField nameField = new TextField(name);
        nameField.setId("query-name-field");
        TextArea descriptionField = new TextArea(description);
        descriptionField.setPrefRowCount(3);
        descriptionField.setWrapText(true);
        TextField tagsField = new TextField(String.join(", ", tags));
        tagsField.setId("query-tags-field");
        tagsField.setPromptText("comma-separated, e.g. finance, weekly");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Name"), nameField);
        grid.addRow(1, new Label("Description"), descriptionField);
        grid.addRow(2, new Label("Tags"), tagsField);
        GridPane.setHgrow(nameField, Priority.ALWAYS);
        grid.setPrefWidth(480);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(nameField.textProperty().isEmpty());
        Platform.runLater(() -> {
            nameField.requestFocus();
            nameField.selectAll();
        });
        setResultConverter(button -> button == ButtonType.OK ? new Properties(nameField.getText().strip(),
                descriptionField.getText(), Arrays.stream(tagsField.getText().split(","))
                        .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList()) : null);
    }
}
