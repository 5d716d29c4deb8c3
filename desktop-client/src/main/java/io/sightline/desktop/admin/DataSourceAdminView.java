package io.sightline.desktop.admin;

import io.sightline.common.api.datasource.DataSourceSummary;
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

/** Admin: the data sources, and the form for one generated from its type's configuration schema. */
public final class DataSourceAdminView extends Dialog<Void> {

    public DataSourceAdminView(DataSourceAdminViewModel model, Runnable onChanged) {
        setTitle("Data sources");
        setResizable(true);
        ListView<DataSourceSummary> list = new ListView<>(model.dataSources());
        list.setId("admin-data-sources");
        list.setPrefWidth(220);
        io.sightline.desktop.widgets.Cells.show(list, DataSourceSummary::name);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.edit(chosen);
            }
        });
        Button add = new Button("New data source");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
        });
        VBox left = new VBox(6, list, add);
        VBox.setVgrow(list, Priority.ALWAYS);

        OptionsForm form = new OptionsForm(model, "admin-name");
        Label message = new Label();
        message.setId("admin-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button save = new Button("Save");
        save.setOnAction(e -> model.save(onChanged));
        Button test = new Button("Test connection");
        test.setOnAction(e -> model.test());
        VBox right = new VBox(10, form, message, new HBox(8, save, test));
        right.setPadding(new Insets(0, 0, 0, 12));
        BorderPane content = new BorderPane(right, null, null, null, left);
        content.setPrefSize(760, 480);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }
}
