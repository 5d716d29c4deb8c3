package io.sightline.desktop.query;

import io.sightline.common.api.query.Query;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Search field and the list of saved queries; double-click or Enter opens one. */
public final class QueryListView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public QueryListView(QueryListViewModel model, Consumer<Query> open) {
        getStyleClass().add("query-list-view");
        setSpacing(6);
        setPadding(new Insets(6));

        TextField search = new TextField();
        search.setId("query-search");
        search.setPromptText("Search saved queries");
        search.textProperty().bindBidirectional(model.searchProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.reload());
        search.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        ToggleButton mine = new ToggleButton("Mine");
        mine.selectedProperty().bindBidirectional(model.onlyMineProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        Label message = new Label();
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ListView<Query> list = new ListView<>(model.queries());
        list.setId("query-list");
        list.setCellFactory(view -> new QueryCell());
        list.setOnMouseClicked(event -> {
            Query chosen = list.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && chosen != null) {
                open.accept(chosen);
            }
        });
        list.setOnKeyPressed(event -> {
            Query chosen = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                open.accept(chosen);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, search, mine), message, list);
    }

    private static final class QueryCell extends ListCell<Query> {
        @Override
        protected void updateItem(Query query, boolean empty) {
            super.updateItem(query, empty);
            if (empty || query == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(query.name());
            name.getStyleClass().add("query-name");
            String tags = query.tags() == null || query.tags().isEmpty() ? "" : "  #" + String.join(" #", query.tags());
            String when = query.updatedAt() == null ? "" : WHEN.format(query.updatedAt().toLocalDateTime());
            Label details = new Label(when + tags);
            details.getStyleClass().add("muted");
            setText(null);
            setGraphic(new VBox(1, name, details));
        }
    }
}
