package io.sightline.desktop.visualization.chart;

import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.input.ScrollEvent;

/** Where the pointer is on a {@code javafx.scene.chart} chart, for the zooms and the hover. */
final class PlotPointer {

    private PlotPointer() {
    }

    /** The chart's plot area (its background), or null before the chart is skinned. */
    static Node plot(XYChart<?, ?> chart) {
        return chart.lookup(".chart-plot-background");
    }

    /** Whether a scene point is over the chart's plot area. */
    static boolean inPlot(XYChart<?, ?> chart, double sceneX, double sceneY) {
        Node plot = plot(chart);
        return plot != null && plot.contains(plot.sceneToLocal(sceneX, sceneY));
    }

    /**
     * The wheel notches a scroll turned, forward positive: a wheel's delta comes in multiples of its multiplier
     * (40 on most desktops), a touchpad's in parts of one.
     */
    static double notches(ScrollEvent event) {
        return event.getDeltaY() / (event.getMultiplierY() > 0 ? event.getMultiplierY() : 40);
    }
}
