package io.sightline.desktop.dashboard;

import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.dashboard.WidgetViewModel.Position;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A widget's handles in edit mode: a bar on top to drag it by (whole columns and rows) with a remove button, and
 * a corner at the bottom right to drag its size by. Hidden outside edit mode.
 */
final class WidgetEditHandles {

    private WidgetEditHandles() {
    }

    static void attach(WidgetView view, DashboardGrid grid, DashboardEditModel edit) {
        WidgetViewModel widget = view.model();
        Label move = new Label("\u2630 Drag to move");
        move.setId("widget-move-" + widget.id());
        move.getStyleClass().addAll("widget-move", "muted");
        move.setCursor(Cursor.MOVE);
        move.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(move, Priority.ALWAYS);
        dragging(move, grid, (start, dx, dy) -> edit.move(widget,
                GridLayout.moved(start, dx, dy, grid.columnWidth(), DashboardGrid.ROW_HEIGHT)), widget);
        Button remove = new Button("\u2715");
        remove.setId("widget-remove-" + widget.id());
        remove.getStyleClass().add("widget-remove");
        remove.setOnAction(e -> {
            Alert confirm = Dialogs.ownedBy(view, new Alert(Alert.AlertType.CONFIRMATION,
                    "Remove this widget from the dashboard? It goes when you save.", ButtonType.OK,
                    ButtonType.CANCEL));
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> edit.remove(widget));
        });
        HBox bar = new HBox(6, move);
        if (!widget.queryParameterNames().isEmpty()) {
            Button parameters = new Button("Parameters\u2026");
            parameters.setId("widget-parameters-" + widget.id());
            parameters.setOnAction(e -> Dialogs.ownedBy(view, new ParameterMappingDialog(widget.title(),
                    edit.mappings(widget))).showAndWait().ifPresent(rows -> {
                        try {
                            edit.mapParameters(widget, rows);
                        } catch (IllegalArgumentException refused) {
                            Alert problem = Dialogs.ownedBy(view, new Alert(Alert.AlertType.WARNING,
                                    refused.getMessage(), ButtonType.OK));
                            problem.setHeaderText(null);
                            problem.showAndWait();
                        }
                    }));
            bar.getChildren().add(parameters);
        }
        bar.getChildren().add(remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("widget-edit-bar");
        bar.setStyle("-fx-background-color: derive(-fx-base, 10%); -fx-padding: 2 4 2 4;");

        Region corner = new Region();
        corner.setId("widget-resize-" + widget.id());
        corner.getStyleClass().add("widget-resize");
        corner.setCursor(Cursor.SE_RESIZE);
        corner.setMinSize(14, 14);
        corner.setMaxSize(14, 14);
        corner.setStyle("-fx-background-color: -fx-accent; -fx-shape: 'M 14 0 L 14 14 L 0 14 Z';");
        dragging(corner, grid, (start, dx, dy) -> edit.move(widget,
                GridLayout.resized(start, dx, dy, grid.columnWidth(), DashboardGrid.ROW_HEIGHT)), widget);
        HBox bottom = new HBox(corner);
        bottom.setAlignment(Pos.BOTTOM_RIGHT);

        for (javafx.scene.Node node : new javafx.scene.Node[] {bar, bottom}) {
            node.visibleProperty().bind(edit.editingProperty());
            node.managedProperty().bind(edit.editingProperty());
        }
        view.getChildren().add(0, bar);
        view.getChildren().add(bottom);
    }

    @FunctionalInterface
    private interface Drag {
        void to(Position start, double dx, double dy);
    }

    /** Calls {@code drag} with the widget's place when pressed and how far the mouse went since, in pixels. */
    private static void dragging(javafx.scene.Node handle, DashboardGrid grid, Drag drag, WidgetViewModel widget) {
        double[] from = new double[2];
        Position[] start = new Position[1];
        handle.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            from[0] = e.getSceneX();
            from[1] = e.getSceneY();
            start[0] = widget.position();
            e.consume();
        });
        handle.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (start[0] != null) {
                drag.to(start[0], e.getSceneX() - from[0], e.getSceneY() - from[1]);
                grid.requestLayout();
            }
            e.consume();
        });
        handle.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            start[0] = null;
            e.consume();
        });
    }
}
