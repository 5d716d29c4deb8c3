package io.sightline.desktop.dashboard;

import io.sightline.desktop.Dialogs;
import io.sightline.desktop.share.ShareDialog;
import io.sightline.desktop.visualization.VisualizationRenderers;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * An opened dashboard: its name, Refresh, the auto-refresh interval, Share (for its owner and admins), and the widgets
 * on the 12-column grid.
 */
public final class DashboardView extends BorderPane {

    private final DashboardViewModel model;
    private final DashboardGrid grid = new DashboardGrid();
    private final VisualizationRenderers renderers = VisualizationRenderers.standard();

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        setId("dashboard-" + model.id());
        getStyleClass().add("dashboard-view");

        Label name = new Label();
        name.setId("dashboard-name");
        name.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        name.textProperty().bind(model.nameProperty());
        Label message = new Label();
        message.getStyleClass().add("error");
        message.textProperty().bind(model.messageProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("dashboard-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button cancel = new Button("Cancel");
        cancel.setId("dashboard-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        ComboBox<Integer> interval = new ComboBox<>();
        interval.setId("dashboard-auto-refresh");
        interval.getItems().add(0);
        interval.getItems().addAll(DashboardViewModel.REFRESH_INTERVALS);
        interval.setCellFactory(list -> new IntervalCell());
        interval.setButtonCell(new IntervalCell());
        interval.valueProperty().bindBidirectional(model.refreshIntervalProperty());
        Button share = new Button("Share\u2026");
        share.setId("dashboard-share");
        share.setVisible(model.canShare());
        share.setManaged(model.canShare());
        share.setOnAction(e -> {
            ShareDialog dialog = Dialogs.ownedBy(this, new ShareDialog(model.share(DashboardView::copy)));
            if (getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets()); // the theme
            }
            dialog.show();
        });
        Label auto = new Label("Auto-refresh:");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, name, message, gap, auto, interval, cancel, refresh, share);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 0, 10));
        setTop(header);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("dashboard-scroll");
        setCenter(scroll);
        model.widgets().addListener((ListChangeListener<WidgetViewModel>) change -> showWidgets());
        showWidgets();
    }

    private void showWidgets() {
        grid.getChildren().clear();
        for (WidgetViewModel widget : model.widgets()) {
            WidgetView view = new WidgetView(widget, renderers);
            DashboardGrid.place(view, widget.position());
            grid.getChildren().add(view);
        }
    }

    private static void copy(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    public DashboardViewModel model() {
        return model;
    }

    private static final class IntervalCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : DashboardViewModel.intervalLabel(item));
        }
    }
}
