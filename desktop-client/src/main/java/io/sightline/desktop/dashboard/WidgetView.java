package io.sightline.desktop.dashboard;

import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.visualization.render.ClickedRow;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One widget's card: title, the drawing (or progress, error, text, restricted placeholder) and "Updated …". */
final class WidgetView extends VBox {

    private final WidgetViewModel model;
    private final StackPane body = new StackPane();
    /** Held here: the formats keep only a weak reference, so a closed dashboard's widgets can go. */
    private ChangeListener<OrganizationFormats> reformat;

    /** {@code onRowClicked}: a click on a drawn row (bar, slice, point, table row) of a widget that drills through. */
    WidgetView(WidgetViewModel model, VisualizationRenderers renderers,
               BiConsumer<WidgetViewModel, Map<String, Object>> onRowClicked) {
        this.model = model;
        setId("widget-" + model.id());
        getStyleClass().add("dashboard-widget");
        setPadding(new Insets(6));
        setSpacing(4);
        setStyle("-fx-background-color: -fx-control-inner-background; -fx-border-color: derive(-fx-base, -15%);"
                + " -fx-border-radius: 3; -fx-background-radius: 3;");
        body.setMinSize(0, 0);
        VBox.setVgrow(body, Priority.ALWAYS);
        switch (model.kind()) {
            case RESTRICTED -> {
                getStyleClass().add("restricted");
                Label note = new Label("This widget needs access to a data source you cannot reach.");
                note.setId("widget-restricted");
                note.setWrapText(true);
                note.getStyleClass().add("muted");
                body.getChildren().add(note);
                getChildren().add(body);
            }
            case TEXT -> {
                VBox text = MarkdownText.render(model.text());
                text.getStyleClass().add("widget-text");
                StackPane.setAlignment(text, Pos.TOP_LEFT);
                body.getChildren().add(text);
                getChildren().add(body);
            }
            case VISUALIZATION -> {
                Label title = new Label(model.title());
                title.getStyleClass().add("widget-title");
                title.setStyle("-fx-font-weight: bold;");
                Label updated = new Label();
                updated.getStyleClass().addAll("widget-updated", "muted");
                updated.textProperty().bind(model.updatedProperty());
                getChildren().addAll(title, body, updated);
                if (DashboardViewModel.drillThrough(model).isPresent()) {
                    getStyleClass().add("drills");
                    body.setCursor(Cursor.HAND);
                    body.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                        if (e.isStillSincePress()) { // not the end of a pan
                            ClickedRow.of(e.getPickResult().getIntersectedNode())
                                    .ifPresent(row -> onRowClicked.accept(model, row));
                        }
                    });
                }
                model.resultProperty().addListener((obs, old, result) -> draw(renderers));
                model.errorProperty().addListener((obs, old, error) -> draw(renderers));
                model.loadingProperty().addListener((obs, old, loading) -> draw(renderers));
                draw(renderers);
                reformat = (obs, old, formats) -> {
                    body.getChildren().clear(); // drawn in the old formats: not kept
                    draw(renderers);
                };
                CurrentFormats.property().addListener(new WeakChangeListener<>(reformat));
            }
            default -> throw new IllegalStateException(model.kind().name());
        }
    }

    WidgetViewModel model() {
        return model;
    }

    private void draw(VisualizationRenderers renderers) {
        Node drawing = null;
        if (!model.errorProperty().get().isEmpty()) {
            Label error = new Label(model.errorProperty().get());
            error.setId("widget-error");
            error.getStyleClass().add("error");
            error.setStyle("-fx-text-fill: #c0392b;");
            error.setWrapText(true);
            drawing = error;
        } else if (model.resultProperty().get() != null) {
            Node current = body.lookup("#widget-drawing");
            drawing = current != null && current.getProperties().get("drawn") == model.resultProperty().get() ? current
                    : renderers.render(model.type(), model.visualizationOptions(), model.resultProperty().get());
            drawing.setId("widget-drawing");
            drawing.getProperties().put("drawn", model.resultProperty().get());
        }
        body.getChildren().clear();
        if (drawing != null) {
            body.getChildren().add(drawing);
        }
        if (model.loadingProperty().get()) {
            ProgressIndicator progress = new ProgressIndicator();
            progress.setId("widget-progress");
            progress.setMaxSize(36, 36);
            body.getChildren().add(progress);
        }
    }
}
