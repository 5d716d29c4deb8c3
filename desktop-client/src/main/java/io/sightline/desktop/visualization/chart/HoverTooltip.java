package io.sightline.desktop.visualization.chart;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;

/**
 * The tooltip a chart shows beside the point nearest the pointer (lines, areas, scatters and bubbles, small or
 * large), shown again only when the point changes.
 */
final class HoverTooltip {

    /** How near the pointer a point is found, in pixels. */
    static final double REACH = 24;

    private final Tooltip tooltip = new Tooltip();
    private String shown;

    HoverTooltip() {
        tooltip.getStyleClass().add("chart-hover-tooltip");
    }

    /** Says {@code text} beside a point at this screen position. */
    void show(Node owner, Point2D point, String text) {
        if (!text.equals(shown)) {
            shown = text;
            tooltip.setText(text);
            tooltip.show(owner, point.getX() + 12, point.getY() + 12);
        }
    }

    void hide() {
        shown = null;
        tooltip.hide();
    }
}
