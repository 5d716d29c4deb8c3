package io.sightline.desktop.visualization.map;

import io.sightline.common.visualization.map.MarkerLayer;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * A bubble map's circles (Sightline's {@code sightline.bubble}): each marker a circle of {@link MarkerLayer#radius}
 * in its group's colour (the marker colour without {@code classify}), translucent so that the bubbles under it
 * show, largest first. Bubbles do not cluster: merging them would hide the sizes they are drawn for.
 */
final class Bubbles {

    static final double FILL_OPACITY = 0.6;

    private Bubbles() {
    }

    /** A bubble centred at (x, y); nothing for a radius of zero. */
    static void draw(MapPen g, double x, double y, double radius, Color color) {
        if (radius <= 0) {
            return;
        }
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), FILL_OPACITY));
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        if (radius >= 3) {
            g.setStroke(color.darker());
            g.setLineWidth(1);
            g.beginPath();
            g.arc(x, y, radius, radius, 0, 360);
            g.closePath();
            g.stroke();
        }
    }

    /** The size legend: the column's name, then a circle of the largest value, of a quarter and a sixteenth. */
    static VBox legend(String column, List<MarkerLayer.SizeStep> steps, Color color, MapTheme theme) {
        VBox box = new VBox(3);
        box.getStyleClass().add("sightline-map-size-legend");
        Label title = new Label(column);
        title.setTextFill(theme.text);
        title.setStyle("-fx-font-size: 12px; -fx-font-weight: bold;");
        box.getChildren().add(title);
        double widest = steps.isEmpty() ? 0 : 2 * steps.get(0).radius();
        for (MarkerLayer.SizeStep step : steps) {
            Circle circle = new Circle(step.radius(), Color.color(color.getRed(), color.getGreen(), color.getBlue(),
                    FILL_OPACITY));
            circle.setStroke(color.darker());
            StackPane slot = new StackPane(circle);
            slot.setMinWidth(widest);
            slot.setPrefWidth(widest);
            Label label = new Label(step.text());
            label.setTextFill(theme.text);
            label.setStyle("-fx-font-size: 12px;");
            HBox row = new HBox(6, slot, label);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
