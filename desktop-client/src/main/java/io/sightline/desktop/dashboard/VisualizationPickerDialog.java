package io.sightline.desktop.dashboard;

import io.sightline.desktop.api.VisualizationChoice;
import javafx.animation.PauseTransition;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Picks a visualization of one of the user's queries, searched by the query's name as one types. */
final class VisualizationPickerDialog extends Dialog<VisualizationChoice> {

    VisualizationPickerDialog(VisualizationPickerModel model) {
        setTitle("Add a visualization");
        setHeaderText("Choose a visualization of a query");
        TextField search = new TextField();
        search.setId("visualization-picker-search");
        search.setPromptText("Search queries by name");
        search.textProperty().bindBidirectional(model.searchProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(300));
        pause.setOnFinished(e -> model.search());
        search.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        ListView<VisualizationChoice> list = new ListView<>(model.choices());
        list.setId("visualization-picker-list");
        list.setPrefSize(520, 320);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(VisualizationChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        getDialogPane().setContent(new VBox(6, search, list, message));
        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        getDialogPane().lookupButton(add).disableProperty().bind(list.getSelectionModel().selectedItemProperty()
                .isNull());
        setResultConverter(button -> button == add ? list.getSelectionModel().getSelectedItem() : null);
        model.search();
    }
}
