package io.sightline.desktop.admin;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Admin: the organization's date, time and number formats, with a preview, saved to the server. */
public final class OrganizationSettingsView extends Dialog<Void> {

    public OrganizationSettingsView(OrganizationSettingsViewModel model) {
        setTitle("Organization settings");
        setResizable(true);

        ComboBox<String> date = new ComboBox<>();
        date.setId("settings-date-format");
        date.getItems().setAll(OrganizationSettingsViewModel.DATE_FORMATS);
        date.valueProperty().bindBidirectional(model.dateFormatProperty());
        ComboBox<String> time = new ComboBox<>();
        time.setId("settings-time-format");
        time.getItems().setAll(OrganizationSettingsViewModel.TIME_FORMATS);
        time.valueProperty().bindBidirectional(model.timeFormatProperty());
        TextField integer = new TextField();
        integer.setId("settings-integer-format");
        integer.setPromptText("0,0");
        integer.textProperty().bindBidirectional(model.integerFormatProperty());
        TextField decimal = new TextField();
        decimal.setId("settings-float-format");
        decimal.setPromptText("0,0.00");
        decimal.textProperty().bindBidirectional(model.floatFormatProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Date format"), date);
        form.addRow(1, new Label("Time format"), time);
        form.addRow(2, new Label("Integer format"), integer);
        form.addRow(3, new Label("Float format"), decimal);

        Label hint = new Label("Number formats as numeral.js: 0 a digit, ',' thousands, '.' decimals (0,0.00);"
                + " a table column's own format, when saved, wins over these.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        Label previewTitle = new Label("Preview");
        previewTitle.setStyle("-fx-font-weight: bold;");
        Label preview = new Label();
        preview.setId("settings-preview");
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewProperty());
        Button save = new Button("Save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        Label heading = new Label("Formats");
        heading.setStyle("-fx-font-weight: bold;");
        VBox content = new VBox(10, heading, form, hint, previewTitle, preview, save, message);
        content.setPadding(new Insets(4));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }
}
