package io.sightline.desktop.alert;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An alert's editor, with a live preview against its query's latest result: a new alert on the saved query of the
 * current tab, or an existing one with its subscriptions.
 */
public final class AlertEditorView extends Dialog<Void> {

    /** A new alert. */
    public AlertEditorView(AlertEditorViewModel model) {
        this(model, null);
    }

    /** @param subscriptions the existing alert's subscriptions, or null for a new alert */
    public AlertEditorView(AlertEditorViewModel model, AlertSubscriptionsViewModel subscriptions) {
        setTitle(model.editsExisting() ? "Edit alert" : "New alert");
        setResizable(true);
        TextField name = new TextField();
        name.setId("alert-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<String> column = new ComboBox<>(model.columns());
        column.setId("alert-column");
        column.valueProperty().bindBidirectional(model.columnProperty());
        ComboBox<String> op = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                AlertEditorViewModel.OPERATORS));
        op.setId("alert-op");
        op.valueProperty().bindBidirectional(model.opProperty());
        TextField threshold = new TextField();
        threshold.setId("alert-threshold");
        threshold.setPromptText("a number or a text");
        threshold.textProperty().bindBidirectional(model.thresholdProperty());
        ComboBox<String> selector = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                AlertEditorViewModel.SELECTORS));
        selector.setId("alert-selector");
        selector.valueProperty().bindBidirectional(model.selectorProperty());
        TextField rearm = new TextField();
        rearm.setId("alert-rearm");
        rearm.setPromptText("seconds; empty: notify once per change");
        rearm.textProperty().bindBidirectional(model.rearmProperty());
        TextField subject = new TextField();
        subject.setId("alert-custom-subject");
        subject.setPromptText("optional; the server's default when empty");
        subject.textProperty().bindBidirectional(model.customSubjectProperty());
        TextArea body = new TextArea();
        body.setId("alert-custom-body");
        body.setPromptText("optional; the server's default when empty");
        body.setPrefRowCount(3);
        body.setPrefColumnCount(24);
        body.setWrapText(true);
        body.textProperty().bindBidirectional(model.customBodyProperty());
        Label value = new Label();
        value.setId("alert-preview-value");
        value.textProperty().bind(model.previewValueProperty());
        Label state = new Label();
        state.setId("alert-preview-state");
        state.textProperty().bind(model.previewStateProperty().map(s -> s.isEmpty() ? "" : s.toUpperCase()));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Column"), column);
        form.addRow(2, new Label("Selector"), selector);
        form.addRow(3, new Label("Condition"), op);
        form.addRow(4, new Label("Threshold"), threshold);
        form.addRow(5, new Label("Rearm"), rearm);
        form.addRow(6, new Label("Subject"), subject);
        form.addRow(7, new Label("Body"), body);
        form.addRow(8, new Label("Current value"), value);
        form.addRow(9, new Label("State now"), state);
        GridPane.setHgrow(name, Priority.ALWAYS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the wide body field must not squeeze the labels to "..."
        form.getColumnConstraints().add(labels);

        Label message = new Label();
        message.setId("alert-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button save = new Button("Save alert");
        save.setId("alert-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save(saved -> { }));
        VBox content = new VBox(10, form, save, message);
        if (subscriptions != null) {
            content.getChildren().addAll(new Separator(), new AlertSubscriptionsView(subscriptions));
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefWidth(460);
        model.load();
    }
}
