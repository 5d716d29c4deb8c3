package io.sightline.desktop.alert;

import io.sightline.desktop.api.AlertSummary;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Alerts: name, query, state, last triggered, muted; mute or unmute the chosen one. */
public final class AlertListView extends Dialog<Void> {

    public AlertListView(AlertListViewModel model) {
        setTitle("Alerts");
        setResizable(true);
        TableView<AlertSummary> table = new TableView<>(model.alerts());
        table.setId("alerts-table");
        table.setPrefSize(720, 360);
        table.getColumns().add(column("Name", AlertSummary::name, 200));
        table.getColumns().add(column("Query", AlertSummary::queryName, 200));
        table.getColumns().add(column("State", AlertListViewModel::stateText, 90));
        table.getColumns().add(column("Last triggered", a -> a.lastTriggeredAt() == null ? "never"
                : a.lastTriggeredAt().replace('T', ' '), 150));
        table.getColumns().add(column("Muted", a -> a.muted() ? "muted" : "", 60));

        Button mute = new Button("Mute / unmute");
        mute.setId("alert-mute");
        mute.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        mute.setOnAction(e -> {
            AlertSummary chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.setMuted(chosen, !chosen.muted());
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("alerts-refresh");
        refresh.setOnAction(e -> model.load());
        Label message = new Label();
        message.setId("alerts-message");
        message.textProperty().bind(model.messageProperty());
        HBox buttons = new HBox(8, mute, refresh, message);
        VBox content = new VBox(8, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        model.load();
    }

    private static TableColumn<AlertSummary, String> column(String title,
                                                            java.util.function.Function<AlertSummary, String> value,
                                                            double width) {
        TableColumn<AlertSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
