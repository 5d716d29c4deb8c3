package io.sightline.desktop.alert;

import io.sightline.desktop.admin.OptionsForm;
import io.sightline.desktop.api.DestinationSummary;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Admin: alert destinations, and the form for one generated from its type's configuration schema. */
public final class DestinationAdminView extends Dialog<Void> {

    public DestinationAdminView(DestinationAdminViewModel model) {
        setTitle("Alert destinations");
        setResizable(true);
        ListView<DestinationSummary> list = new ListView<>(model.destinations());
        list.setId("admin-destinations");
        list.setPrefWidth(220);
        io.sightline.desktop.widgets.Cells.show(list, d -> d.name() + " (" + d.type() + ")");
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

        OptionsForm form = new OptionsForm(model, "destination-name");
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
        model.load();
    }
}
