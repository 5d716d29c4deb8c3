package io.sightline.desktop.alert;

import io.sightline.desktop.admin.OptionField;
import io.sightline.desktop.api.DestinationSummary;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Admin: alert destinations, and the form for one generated from its type's configuration schema. */
public final class DestinationAdminView extends Dialog<Void> {

    private final DestinationAdminViewModel model;
    private final GridPane form = new GridPane();

    public DestinationAdminView(DestinationAdminViewModel model) {
        this.model = model;
        setTitle("Alert destinations");
        setResizable(true);
        ListView<DestinationSummary> list = new ListView<>(model.destinations());
        list.setId("admin-destinations");
        list.setPrefWidth(220);
        io.sightline.desktop.Cells.show(list, d -> d.name() + " (" + d.type() + ")");
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.edit(chosen);
            }
        });
        Button add = new Button("New destination");
        add.setId("destination-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox left = new VBox(6, list, add);
        VBox.setVgrow(list, Priority.ALWAYS);

        form.setHgap(8);
        form.setVgap(8);
        model.fields().addListener((ListChangeListener<OptionField>) change -> buildForm());
        model.values().addListener((javafx.collections.MapChangeListener<String, String>) change -> {
            if (change.wasAdded()) {
                refreshValue(change.getKey(), change.getValueAdded());
            }
        });
        Label message = new Label();
        message.setId("destination-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button save = new Button("Save");
        save.setId("destination-save");
        save.setOnAction(e -> model.save(() -> { }));
        Button test = new Button("Send test");
        test.setId("destination-test");
        test.setOnAction(e -> model.test());
        Button delete = new Button("Delete");
        delete.setId("destination-delete");
        delete.setOnAction(e -> model.delete());
        VBox right = new VBox(10, form, message, new HBox(8, save, test, delete));
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane content = new BorderPane(right, null, null, null, left);
        content.setPrefSize(760, 480);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        buildForm();
        model.load();
    }

    private void buildForm() {
        form.getChildren().clear();
        TextField name = new TextField();
        name.setId("destination-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<io.sightline.common.api.datasource.DataSourceType> type = new ComboBox<>(model.types());
        type.valueProperty().bindBidirectional(model.typeProperty());
        io.sightline.desktop.Cells.show(type, io.sightline.common.api.datasource.DataSourceType::name);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Type"), type);
        int row = 2;
        for (OptionField field : model.fields()) {
            Label label = new Label(field.title() + (field.required() ? " *" : ""));
            String current = model.values().getOrDefault(field.name(), "");
            javafx.scene.Node input;
            if (field.kind().equals("boolean")) {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(current));
                box.selectedProperty().addListener((obs, old, on) -> model.values().put(field.name(), on.toString()));
                input = box;
            } else {
                TextField text = field.secret() ? new PasswordField() : new TextField();
                text.setText(current);
                text.textProperty().addListener((obs, old, now) -> {
                    model.values().put(field.name(), now);
                    text.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"),
                            field.problem(now) != null);
                });
                input = text;
            }
            GridPane.setHgrow(input, Priority.ALWAYS);
            form.addRow(row++, label, input);
        }
    }

    private void refreshValue(String key, String value) {
        int index = 0;
        for (OptionField field : model.fields()) {
            if (field.name().equals(key)) {
                int at = 4 + index * 2 + 1;
                if (at >= form.getChildren().size()) {
                    return;
                }
                javafx.scene.Node input = form.getChildren().get(at);
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
