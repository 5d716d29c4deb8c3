package io.sightline.desktop.widgets;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A muted note in place of a drawing, saying why there is none ("Choose the step and value columns..."). */
public final class Notes {

    private Notes() {
    }

    public static Node inPlaceOfDrawing(String why) {
        Label label = new Label(why);
        label.setWrapText(true);
        label.getStyleClass().addAll("muted", "visualization-note");
        StackPane pane = new StackPane(label);
        pane.setAlignment(Pos.CENTER);
        return pane;
    }
}
