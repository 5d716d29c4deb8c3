package io.sightline.desktop.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.formats.CurrentFormats;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The result area: the rows grid as the first tab, then one tab per visualization of the query (drawn by
 * {@link VisualizationRenderers}), and "New visualization", which opens the editor beside a live preview.
 */
public final class VisualizationsView extends StackPane {

    private final VisualizationsViewModel model;
    private final VisualizationRenderers renderers;
    private final Consumer<String> status;
    private final TabPane tabs = new TabPane();
    private final Tab rows;
    /** Held here: the formats keep only a weak reference, so a closed tab's view can go. */
    private final ChangeListener<OrganizationFormats> reformat = (obs, old, formats) -> redraw();

    public VisualizationsView(VisualizationsViewModel model, Node grid, Consumer<String> status) {
        this(model, grid, VisualizationRenderers.standard(), status);
    }

    public VisualizationsView(VisualizationsViewModel model, Node grid, VisualizationRenderers renderers,
                              Consumer<String> status) {
        this.model = model;
        this.renderers = renderers;
        this.status = status;
        getStyleClass().add("visualizations");
        tabs.setId("visualization-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        rows = new Tab("Rows", grid);
        rows.setId("rows-tab");
        tabs.getTabs().add(rows);

        Button add = new Button("+ New visualization");
        add.setId("new-visualization");
        add.getStyleClass().add("flat");
        add.setTooltip(new Tooltip("A chart, counter, table or pivot of this query's result"));
        add.disableProperty().bind(model.queryIdProperty().isNull());
        add.setOnAction(e -> openEditor(model.newVisualization()));
        StackPane.setAlignment(add, Pos.TOP_RIGHT);
        StackPane.setMargin(add, new Insets(2, 4, 0, 0));
        getChildren().addAll(tabs, add);

        model.visualizations().addListener((ListChangeListener<Visualization>) change -> rebuild());
        model.resultProperty().addListener((obs, old, result) -> redraw());
        CurrentFormats.property().addListener(new WeakChangeListener<>(reformat));
        rebuild();
    }

    public TabPane tabs() {
        return tabs;
    }

    private void rebuild() {
        String selected = tabs.getSelectionModel().getSelectedItem() == null ? null
                : tabs.getSelectionModel().getSelectedItem().getId();
        tabs.getTabs().retainAll(rows);
        for (Visualization visualization : model.visualizations()) {
            Tab tab = new Tab(visualization.name());
            tab.setId("visualization-" + visualization.id());
            tab.setUserData(visualization);
            tab.setContent(content(visualization));
            tabs.getTabs().add(tab);
        }
        tabs.getTabs().stream().filter(t -> t.getId().equals(selected)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void redraw() {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getUserData() instanceof Visualization visualization) {
                tab.setContent(content(visualization));
            }
        }
    }

    private Node content(Visualization visualization) {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("visualization-pane");
        Node drawing = renderers.render(visualization.type(), visualization.options(), model.resultProperty().get());
        drawing.getStyleClass().add("visualization-drawing");
        pane.setCenter(drawing);

        Label name = new Label(visualization.name());
        name.getStyleClass().add("visualization-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button edit = new Button("Edit\u2026");
        edit.getStyleClass().add("visualization-edit");
        edit.setOnAction(e -> openEditor(model.edit(visualization)));
        Button png = new Button("PNG\u2026");
        png.getStyleClass().add("visualization-png");
        png.setTooltip(new Tooltip("Save the drawing as a PNG image"));
        png.setOnAction(e -> ImageExport.savePng(this, drawing, visualization.name(), status));
        Button svg = new Button("SVG\u2026");
        svg.getStyleClass().add("visualization-svg");
        svg.setTooltip(new Tooltip("Save the drawing as an SVG image (vector)"));
        svg.setOnAction(e -> ImageExport.saveSvg(this, drawing, visualization.name(), status));
        Button copy = new Button("Copy");
        copy.getStyleClass().add("visualization-copy");
        copy.setTooltip(new Tooltip("Copy the drawing to the clipboard as an image"));
        copy.setOnAction(e -> {
            ImageExport.copy(drawing);
            status.accept("Copied \"" + visualization.name() + "\" as an image.");
        });
        Button delete = new Button("Delete");
        delete.getStyleClass().add("visualization-delete");
        delete.setOnAction(e -> confirmDelete(visualization));
        ToolBar bar = new ToolBar(name, gap, edit, png, svg, copy, delete);
        bar.getStyleClass().add("visualization-toolbar");
        pane.setTop(bar);
        return pane;
    }

    private void confirmDelete(Visualization visualization) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete the visualization \"" + visualization.name()
                + "\"? Dashboards showing it lose that widget.", ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Delete visualization");
        Dialogs.ownedBy(this, alert).showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.delete(visualization, () -> status.accept("Deleted \""
                        + visualization.name() + "\".")));
    }

    private void openEditor(VisualizationEditorViewModel editor) {
        if (editor == null) {
            status.accept("Save the query first: visualizations belong to a saved query.");
            return;
        }
        VisualizationEditorView.open(this, editor, renderers, saved -> selectById("visualization-" + saved.id()));
    }

    private void selectById(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
