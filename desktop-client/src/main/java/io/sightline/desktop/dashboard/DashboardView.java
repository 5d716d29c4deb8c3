package io.sightline.desktop.dashboard;

import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.share.ShareDialog;
import io.sightline.desktop.visualization.VisualizationRenderers;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An opened dashboard: breadcrumbs back to the dashboards drilled through from, its name, Refresh, the
 * auto-refresh interval, Share and Edit (for its owner and admins), the dashboard parameters, and the widgets on
 * the 12-column grid. In edit mode the header offers Add visualization, Add text, Cancel edit and Save, and each
 * widget its handles.
 */
public final class DashboardView extends BorderPane {

    private final DashboardViewModel model;
    private final DashboardGrid grid = new DashboardGrid();
    private final VisualizationRenderers renderers = VisualizationRenderers.standard();

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        setId("dashboard-view");
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
        share.visibleProperty().bind(model.canShareProperty());
        share.managedProperty().bind(model.canShareProperty());
        share.setOnAction(e -> {
            ShareDialog dialog = Dialogs.ownedBy(this, new ShareDialog(model.share(DashboardView::copy)));
            if (getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets()); // the theme
            }
            dialog.show();
        });
        Button permissions = new Button("Permissions\u2026");
        permissions.setId("dashboard-permissions");
        permissions.visibleProperty().bind(model.canShareProperty());
        permissions.managedProperty().bind(model.canShareProperty());
        permissions.setOnAction(e -> {
            var dialog = Dialogs.ownedBy(this, new io.sightline.desktop.permissions.PermissionsDialog(
                    model.permissions()));
            if (getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets()); // the theme
            }
            dialog.show();
        });
        Label auto = new Label("Auto-refresh:");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        DashboardEditModel edit = model.edit();
        Button startEdit = new Button("Edit");
        startEdit.setId("dashboard-edit");
        startEdit.setOnAction(e -> edit.start());
        Button publish = new Button("Publish");
        publish.setId("dashboard-publish");
        publish.setTooltip(new Tooltip("Publish the dashboard: it then shows in everyone's lists"));
        publish.setOnAction(e -> model.publish());
        publish.visibleProperty().bind(model.draftProperty().and(model.canEditProperty()));
        publish.managedProperty().bind(publish.visibleProperty());
        publish.disableProperty().bind(model.publishingProperty());
        HBox viewing = new HBox(8, auto, interval, cancel, refresh, share, permissions, publish, startEdit);
        viewing.setAlignment(Pos.CENTER_LEFT);
        startEdit.visibleProperty().bind(model.canEditProperty());
        startEdit.managedProperty().bind(model.canEditProperty());
        Button addText = new Button("Add text\u2026");
        addText.setId("dashboard-add-text");
        addText.setOnAction(e -> {
            TextWidgetDialog dialog = Dialogs.ownedBy(this, new TextWidgetDialog());
            if (getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
            }
            dialog.showAndWait().filter(text -> !text.isBlank()).ifPresent(edit::addText);
        });
        Button addVisualization = new Button("Add visualization\u2026");
        addVisualization.setId("dashboard-add-visualization");
        addVisualization.setOnAction(e -> {
            VisualizationPickerDialog dialog = Dialogs.ownedBy(this, new VisualizationPickerDialog(edit.picker()));
            if (getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
            }
            dialog.showAndWait().ifPresent(edit::addVisualization);
        });
        Button save = new Button("Save");
        save.setId("dashboard-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> edit.save());
        save.disableProperty().bind(edit.savingProperty());
        Button cancelEdit = new Button("Cancel edit");
        cancelEdit.setId("dashboard-cancel-edit");
        cancelEdit.setOnAction(e -> edit.cancel());
        cancelEdit.disableProperty().bind(edit.savingProperty());
        HBox editing = new HBox(8, addVisualization, addText, cancelEdit, save);
        editing.setAlignment(Pos.CENTER_LEFT);
        viewing.visibleProperty().bind(edit.editingProperty().not());
        viewing.managedProperty().bind(edit.editingProperty().not());
        editing.visibleProperty().bind(edit.editingProperty());
        editing.managedProperty().bind(edit.editingProperty());
        Label draftMarker = new Label(io.sightline.desktop.widgets.StarredCell.DRAFT);
        draftMarker.setId("dashboard-draft-marker");
        draftMarker.getStyleClass().add("draft-marker");
        draftMarker.setTooltip(new Tooltip("Not published yet: only its owner sees it in the lists"));
        draftMarker.visibleProperty().bind(model.draftProperty());
        draftMarker.managedProperty().bind(draftMarker.visibleProperty());
        HBox header = new HBox(8, name, draftMarker, message, gap, viewing, editing);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox crumbs = new HBox(4);
        crumbs.setId("dashboard-breadcrumbs");
        crumbs.setAlignment(Pos.CENTER_LEFT);
        FlowPane parameters = new FlowPane(8, 6);
        parameters.setId("dashboard-parameters");
        parameters.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, crumbs, header, parameters);
        top.setPadding(new Insets(6, 10, 0, 10));
        setTop(top);
        model.trail().addListener((ListChangeListener<DashboardViewModel.Crumb>) change -> showCrumbs(crumbs));
        model.parameters().addListener((ListChangeListener<DashboardParameterField>) change ->
                showParameters(parameters));
        showCrumbs(crumbs);
        showParameters(parameters);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("dashboard-scroll");
        setCenter(scroll);
        model.widgets().addListener((ListChangeListener<WidgetViewModel>) change -> showWidgets());
        showWidgets();
    }

    /** "Revenue by region › Region detail": each earlier dashboard a link back to it; hidden with none. */
    private void showCrumbs(HBox crumbs) {
        crumbs.getChildren().clear();
        for (DashboardViewModel.Crumb crumb : model.trail()) {
            Hyperlink back = new Hyperlink(crumb.name());
            back.getStyleClass().add("dashboard-crumb");
            back.setOnAction(e -> model.back(crumb));
            crumbs.getChildren().addAll(back, new Label("\u203A"));
        }
        if (!model.trail().isEmpty()) {
            Label here = new Label();
            here.textProperty().bind(model.nameProperty());
            crumbs.getChildren().add(here);
        }
        crumbs.setVisible(!model.trail().isEmpty());
        crumbs.setManaged(!model.trail().isEmpty());
    }

    /** A field per dashboard parameter (a dropdown for a list of choices) and Apply; Enter applies too. */
    private void showParameters(FlowPane bar) {
        bar.getChildren().clear();
        for (DashboardParameterField field : model.parameters()) {
            Control input;
            if (!field.choices().isEmpty()) {
                ComboBox<String> choices = new ComboBox<>();
                choices.getItems().setAll(field.choices());
                choices.setEditable(true);
                choices.valueProperty().bindBidirectional(field.textProperty());
                choices.setOnAction(e -> model.applyParameters());
                input = choices;
            } else {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(field.textProperty());
                text.setPromptText(field.hint());
                text.setPrefColumnCount(field.type().endsWith("-range") ? 18 : 10);
                text.setOnAction(e -> model.applyParameters());
                input = text;
            }
            input.setId("dashboard-parameter-" + field.name());
            Label label = new Label(field.title());
            label.setLabelFor(input);
            HBox pair = new HBox(4, label, input);
            pair.setAlignment(Pos.CENTER_LEFT);
            bar.getChildren().add(pair);
        }
        if (!model.parameters().isEmpty()) {
            Button apply = new Button("Apply");
            apply.setId("dashboard-apply");
            apply.setOnAction(e -> model.applyParameters());
            bar.getChildren().add(apply);
        }
        bar.setVisible(!model.parameters().isEmpty());
        bar.setManaged(!model.parameters().isEmpty());
    }

    private void showWidgets() {
        grid.getChildren().clear();
        for (WidgetViewModel widget : model.widgets()) {
            WidgetView view = new WidgetView(widget, renderers, model::drill);
            WidgetEditHandles.attach(view, grid, model.edit());
            DashboardGrid.place(view, widget.position());
            widget.positionProperty().addListener((obs, old, now) -> {
                DashboardGrid.place(view, now);
                grid.requestLayout();
            });
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
