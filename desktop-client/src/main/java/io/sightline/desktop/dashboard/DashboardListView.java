package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.NavigatorLists;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Search, "favourites only" and the dashboards (name, tags, updated); opening one shows its details below. */
public final class DashboardListView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
        list.setCellFactory(view -> new DashboardCell());
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

    static String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.toLocalDateTime());
    }

    /** One set of nodes per cell, refilled on every update. */
    private final class DashboardCell extends ListCell<Dashboard> {

        private final Label star = new Label();
        private final Label name = new Label();
        private final Label details = new Label();
        private final HBox row = new HBox(6, star, new VBox(1, name, details));

        DashboardCell() {
            star.getStyleClass().add("query-star");
            name.getStyleClass().add("dashboard-name");
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
        protected void updateItem(Dashboard dashboard, boolean empty) {
            super.updateItem(dashboard, empty);
            setText(null);
            if (empty || dashboard == null) {
                setGraphic(null);
                return;
            }
            star.setText(dashboard.favorite() ? "\u2605" : "\u2606");
            star.getStyleClass().removeAll("starred", "unstarred");
            star.getStyleClass().add(dashboard.favorite() ? "starred" : "unstarred");
            name.setText(dashboard.name());
            String tags = dashboard.tags() == null || dashboard.tags().isEmpty() ? ""
                    : "  #" + String.join(" #", dashboard.tags());
            details.setText(when(dashboard.updatedAt()) + tags);
            setGraphic(row);
        }
    }
}
