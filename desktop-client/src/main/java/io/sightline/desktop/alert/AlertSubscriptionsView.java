package io.sightline.desktop.alert;

import io.sightline.desktop.widgets.Cells;
import io.sightline.desktop.api.AlertSubscription;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** An alert's subscriptions in its editor: the list, a destination (or "email me") to add, removing one. */
public final class AlertSubscriptionsView extends VBox {

    public AlertSubscriptionsView(AlertSubscriptionsViewModel model) {
        super(6);
        ListView<AlertSubscription> list = new ListView<>(model.subscriptions());
        list.setId("alert-subscriptions");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("Nobody is notified yet"));
        Cells.show(list, AlertSubscriptionsViewModel::label);

        ComboBox<AlertSubscriptionsViewModel.Target> target = new ComboBox<>(model.targets());
        target.setId("subscription-target");
        target.valueProperty().bindBidirectional(model.targetProperty());
        Cells.show(target, AlertSubscriptionsViewModel.Target::label);
        Button add = new Button("Add");
        add.setId("subscription-add");
        add.setOnAction(e -> model.add());
        Button remove = new Button("Remove");
        remove.setId("subscription-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            AlertSubscription chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.remove(chosen);
            }
        });
        HBox buttons = new HBox(8, target, add, remove);
        HBox.setHgrow(target, Priority.ALWAYS);

        Label message = new Label();
        message.setId("subscription-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(new Label("Notify"), list, buttons, message);
        model.load();
    }
}
