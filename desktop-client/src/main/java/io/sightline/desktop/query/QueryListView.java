package io.sightline.desktop.query;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.NavigatorLists;
import io.sightline.desktop.api.QueryScope;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Filters (All / Mine / Favourites / Recent, search, tag) and the list of saved queries; double-click or Enter opens
 * one, the star (or the context menu, or Ctrl+D) adds it to the favourites or removes it.
 */
public final class QueryListView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String STARRED = "\u2605";
    static final String UNSTARRED = "\u2606";
    private static final String ANY_TAG = "All tags";

    private final QueryListViewModel model;

    public QueryListView(QueryListViewModel model, Consumer<Query> open) {
        this.model = model;
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

        Label message = NavigatorLists.messageLine(model.messageProperty());
        message.setId("query-list-message");

        ListView<Query> list = new ListView<>(model.queries());
        list.setId("query-list");
        list.setCellFactory(view -> new QueryCell());
        NavigatorLists.opensChosen(list, open);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.D && event.isShortcutDown()) {
                NavigatorLists.ifChosen(list, model::toggleFavorite);
            }
        });
        list.setContextMenu(contextMenu(list, open));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, scopes(), tagFilter(), message, list);
    }

    private HBox scopes() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(2);
        box.getStyleClass().add("query-scopes");
        for (QueryScope scope : QueryScope.values()) {
            ToggleButton button = new ToggleButton(label(scope));
            button.setId("scope-" + scope.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(scope);
            button.setSelected(model.scopeProperty().get() == scope);
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
            box.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                group.selectToggle(old); // one scope is always chosen
            } else {
                model.scopeProperty().set((QueryScope) chosen.getUserData());
            }
        });
        model.scopeProperty().addListener((obs, old, scope) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == scope).findFirst().ifPresent(group::selectToggle));
        return box;
    }

    private ComboBox<String> tagFilter() {
        ComboBox<String> tags = new ComboBox<>();
        tags.setId("query-tag-filter");
        tags.setMaxWidth(Double.MAX_VALUE);
        tags.getItems().add(ANY_TAG);
        model.tags().addListener((ListChangeListener<String>) change -> {
            String chosen = model.tagProperty().get();
            tags.getItems().setAll(ANY_TAG);
            tags.getItems().addAll(model.tags());
            tags.setValue(chosen == null ? ANY_TAG : chosen);
        });
        tags.setValue(ANY_TAG);
        tags.valueProperty().addListener((obs, old, chosen) -> {
            String tag = chosen == null || chosen.equals(ANY_TAG) ? null : chosen;
            if (!Objects.equals(tag, model.tagProperty().get())) {
                model.tagProperty().set(tag);
            }
        });
        return tags;
    }

    private ContextMenu contextMenu(ListView<Query> list, Consumer<Query> open) {
        MenuItem openItem = new MenuItem("Open");
        openItem.setOnAction(e -> {
            Query chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                open.accept(chosen);
            }
        });
        MenuItem star = new MenuItem();
        star.setId("query-favorite-item");
        star.setOnAction(e -> {
            Query chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.toggleFavorite(chosen);
            }
        });
        ContextMenu menu = new ContextMenu(openItem, star);
        menu.setOnShowing(e -> {
            Query chosen = list.getSelectionModel().getSelectedItem();
            openItem.setDisable(chosen == null);
            star.setDisable(chosen == null);
            star.setText(chosen != null && chosen.favorite() ? "Remove from favourites" : "Add to favourites");
        });
        return menu;
    }

    static String label(QueryScope scope) {
        return switch (scope) {
            case ALL -> "All";
            case MINE -> "Mine";
            case FAVORITES -> "Favourites";
            case RECENT -> "Recent";
        };
    }

    /** One set of nodes per cell, refilled on every update (so a cell's star stays the same node). */
    private final class QueryCell extends ListCell<Query> {

        private final Label star = new Label();
        private final Label name = new Label();
        private final Label details = new Label();
        private final Tooltip starTip = new Tooltip();
        private final HBox row = new HBox(6, star, new VBox(1, name, details));

        QueryCell() {
            star.getStyleClass().add("query-star");
            star.setTooltip(starTip);
            name.getStyleClass().add("query-name");
            details.getStyleClass().add("muted");
            row.setAlignment(Pos.CENTER_LEFT);
            star.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    model.toggleFavorite(getItem());
                    event.consume();
                }
            });
        }

        @Override
        protected void updateItem(Query query, boolean empty) {
            super.updateItem(query, empty);
            setText(null);
            if (empty || query == null) {
                setGraphic(null);
                return;
            }
            star.setText(query.favorite() ? STARRED : UNSTARRED);
            star.getStyleClass().removeAll("starred", "unstarred");
            star.getStyleClass().add(query.favorite() ? "starred" : "unstarred");
            starTip.setText(query.favorite() ? "Remove from favourites" : "Add to favourites");
            name.setText(query.name());
            String tags = query.tags() == null || query.tags().isEmpty() ? "" : "  #" + String.join(" #", query.tags());
            details.setText((query.updatedAt() == null ? "" : WHEN.format(query.updatedAt().toLocalDateTime())) + tags);
            setGraphic(row);
        }
    }
}
