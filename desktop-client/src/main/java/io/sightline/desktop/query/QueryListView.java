package io.sightline.desktop.query;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.widgets.NavigatorLists;
import io.sightline.desktop.widgets.StarredCell;
import io.sightline.desktop.api.QueryScope;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Filters (All / Mine / Favourites / Recent, search, tag) and the list of saved queries; double-click or Enter opens
 * one, the star (or the context menu, or Ctrl+D) adds it to the favourites or removes it.
 */
public final class QueryListView extends VBox {

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
        list.setCellFactory(view -> new StarredCell<>(
                new StarredCell.Shown<>(Query::favorite, Query::name, Query::updatedAt, Query::tags, Query::draft),
                "query-name",
                model::toggleFavorite));
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
}
