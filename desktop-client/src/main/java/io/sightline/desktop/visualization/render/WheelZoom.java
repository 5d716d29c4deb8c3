package io.sightline.desktop.visualization.render;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;

/**
 * When the mouse wheel zooms a drawing (a chart, a map) rather than scrolls what holds it. Alone in its tab, the
 * wheel zooms; in something that scrolls (a dashboard), the wheel scrolls the dashboard and Ctrl + wheel zooms, as
 * an embedded web map does, so that a dashboard of charts can be scrolled with the pointer over them.
 */
public final class WheelZoom {

    private WheelZoom() {
    }

    /** True when {@code event}, over {@code drawing}, should zoom it. */
    public static boolean zooms(ScrollEvent event, Node drawing) {
        return event.isControlDown() || !insideScrolling(drawing);
    }

    private static boolean insideScrolling(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }
}
