package io.sightline.desktop.alert;

import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.api.AlertSummary;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Alerts: name, query, state, last triggered, muted; mute or unmute the chosen one, open it in the editor (Edit or
 * a double-click), delete it after asking.
 */
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
        Button edit = new Button("Edit\u2026");
        edit.setId("alert-edit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> open(model, table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(view -> {
            TableRow<AlertSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(model, row.getItem());
                }
            });
            return row;
        });
        Button delete = new Button("Delete\u2026");
        delete.setId("alert-delete");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            AlertSummary chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null && confirmDelete(table, chosen)) {
                model.delete(chosen);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("alerts-refresh");
        refresh.setOnAction(e -> model.load());
        Label message = new Label();
        message.setId("alerts-message");
        message.textProperty().bind(model.messageProperty());
        HBox buttons = new HBox(8, edit, mute, delete, refresh, message);
        VBox content = new VBox(8, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        model.load();
    }

    private void open(AlertListViewModel model, AlertSummary alert) {
        if (alert != null) {
            Dialogs.ownedBy(getDialogPane(), new AlertEditorView(model.editor(alert), model.subscriptions(alert)))
                    .show();
        }
    }

    private static boolean confirmDelete(TableView<AlertSummary> table, AlertSummary alert) {
        ButtonType delete = new ButtonType("Delete", ButtonType.OK.getButtonData());
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Delete the alert \"" + alert.name()
                + "\"? Its subscribers will no longer be notified.", delete, ButtonType.CANCEL);
        ask.setHeaderText("Delete \"" + alert.name() + "\"?");
        ask.getDialogPane().setId("alert-delete-confirmation");
        return Dialogs.ownedBy(table, ask).showAndWait().orElse(ButtonType.CANCEL) == delete;
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
