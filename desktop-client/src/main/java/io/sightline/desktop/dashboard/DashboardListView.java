package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.widgets.NavigatorLists;
import io.sightline.desktop.widgets.StarredCell;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Search, "favourites only" and the dashboards (name, tags, updated); opening one shows its details below. */
public final class DashboardListView extends VBox {


    private final DashboardListViewModel model;

    public DashboardListView(DashboardListViewModel model) {
        this.model = model;
        getStyleClass().add("dashboard-list-view");
        setSpacing(6);
        setPadding(new Insets(6));

        TextField search = new TextField();
        search.setId("dashboard-search");
        search.setPromptText("Search dashboards");
        search.textProperty().bindBidirectional(model.searchProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.reload());
        search.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        ToggleButton favorites = new ToggleButton("\u2605");
        favorites.setId("dashboard-favorites-only");
        favorites.setTooltip(new Tooltip("Only my favourite dashboards"));
        favorites.selectedProperty().bindBidirectional(model.favoritesOnlyProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        Label message = NavigatorLists.messageLine(model.messageProperty());

        ListView<Dashboard> list = new ListView<>(model.dashboards());
        list.setId("dashboard-list");
        list.setCellFactory(view -> new StarredCell<>(new StarredCell.Shown<>(Dashboard::favorite, Dashboard::name,
                Dashboard::updatedAt, Dashboard::tags, Dashboard::draft), "dashboard-name", model::toggleFavorite));
        NavigatorLists.opensChosen(list, model::open);
        MenuItem open = new MenuItem("Show details");
        open.setOnAction(e -> NavigatorLists.ifChosen(list, model::open));
        MenuItem star = new MenuItem("Add to / remove from favourites");
        star.setOnAction(e -> NavigatorLists.ifChosen(list, model::toggleFavorite));
        list.setContextMenu(new ContextMenu(open, star));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label details = new Label();
        details.setId("dashboard-details");
        details.getStyleClass().add("dashboard-details");
        details.setWrapText(true);
        model.openedProperty().addListener((obs, old, dashboard) ->
                details.setText(dashboard == null ? "" : DashboardListViewModel.details(dashboard)));
        details.visibleProperty().bind(model.openedProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());

        getChildren().addAll(new HBox(6, search, favorites), message, list, details);
    }
}
