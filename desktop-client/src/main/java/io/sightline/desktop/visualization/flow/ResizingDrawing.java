package io.sightline.desktop.visualization.flow;

import java.util.List;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A drawing redrawn at its size: whenever the area it is given changes, its children are built again for the new
 * width and height (as Redash's renderers redraw on resize).
 */
public final class ResizingDrawing extends Region {

    private final BiFunction<Double, Double, List<Node>> draw;
    private double drawnWidth = -1;
    private double drawnHeight = -1;

    public ResizingDrawing(BiFunction<Double, Double, List<Node>> draw) {
        this.draw = draw;
        setMinSize(0, 0);
        setPrefSize(600, 400);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != drawnWidth || h != drawnHeight) {
            drawnWidth = w;
            drawnHeight = h;
            getChildren().setAll(w > 0 && h > 0 ? draw.apply(w, h) : List.of());
        }
    }
}
