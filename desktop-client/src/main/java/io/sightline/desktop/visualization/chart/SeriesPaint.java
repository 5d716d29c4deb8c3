package io.sightline.desktop.visualization.chart;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;

/**
 * A series' own colour on the nodes JavaFX draws it with, where the chart's looked-up colours
 * ({@link ChartRenderer#lookedUpColors}) would give it another: JavaFX styles series {@code i} of a chart as
 * {@code default-color(i % 8)} (a pie its slices), so a ninth series would take the first's colour, and a combo chart's layer
 * ({@link ComboChart}) numbers its series from 0 again. The node's own inline style sets the looked-up colour its
 * {@code default-colorN} class reads ({@code CHART_COLOR_N+1} and its translucent {@code _TRANS_20} /
 * {@code _TRANS_70}), so bars, lines, area fills, symbols and legend swatches all take it, whatever the theme does
 * with it.
 */
final class SeriesPaint {

    /** The series past JavaFX's eight looked-up colours: the first index {@link #paint} needs to set. */
    static final int LOOKED_UP = 8;

    private SeriesPaint() {
    }

    /** Series {@code from} on of {@code chart} in {@code colours} (one per series, in order). */
    static void paint(XYChart<?, ?> chart, List<String> colours, int from) {
        for (int i = from; i < Math.min(colours.size(), chart.getData().size()); i++) {
            String colour = colours.get(i);
            XYChart.Series<?, ?> series = chart.getData().get(i);
            paint(series.getNode(), colour);
            series.nodeProperty().addListener((obs, old, node) -> paint(node, colour));
            for (XYChart.Data<?, ?> data : series.getData()) {
                paint(data.getNode(), colour);
                data.nodeProperty().addListener((obs, old, node) -> paint(node, colour));
            }
        }
        legend(chart, colours, from);
    }

    /** Slices {@code from} on of a pie in {@code colours} (one per slice, in order), and their legend swatches. */
    static void paint(PieChart pie, List<String> colours, int from) {
        for (int i = from; i < Math.min(colours.size(), pie.getData().size()); i++) {
            String colour = colours.get(i);
            PieChart.Data slice = pie.getData().get(i);
            paint(slice.getNode(), colour);
            slice.nodeProperty().addListener((obs, old, node) -> paint(node, colour));
        }
        legend(pie, colours, from);
    }

    /** The chart's legend swatches {@code from} on, also once the chart builds its legend again. */
    private static void legend(Chart chart, List<String> colours, int from) {
        Node legend = chart.lookup(".chart-legend");
        if (legend instanceof Parent items) {
            Runnable swatches = () -> {
                List<Node> all = items.getChildrenUnmodifiable();
                for (int i = from; i < Math.min(colours.size(), all.size()); i++) {
                    if (all.get(i) instanceof Labeled item) {
                        paint(item.getGraphic(), colours.get(i));
                    }
                }
            };
            swatches.run();
            items.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> swatches.run());
        }
    }

    /** The node (or, for an area's group, each of its parts) in {@code colour}, {@code #rrggbb}. */
    private static void paint(Node node, String colour) {
        if (node == null) {
            return;
        }
        int index = colourIndex(node);
        if (index < 0 && node instanceof Parent group) {
            group.getChildrenUnmodifiable().forEach(part -> paint(part, colour));
            return;
        }
        if (index < 0) {
            return;
        }
        String name = "CHART_COLOR_" + (index + 1);
        String own = name + ": " + colour + "; " + name + "_TRANS_20: " + colour + "33; " + name + "_TRANS_70: "
                + colour + "b3;";
        String style = node.getStyle() == null ? "" : node.getStyle();
        if (!style.contains(own)) {
            node.setStyle(style.isBlank() ? own : style.strip() + (style.strip().endsWith(";") ? " " : "; ") + own);
        }
    }

    /** N of the node's {@code default-colorN} class, or -1. */
    private static int colourIndex(Node node) {
        for (String styleClass : node.getStyleClass()) {
            if (styleClass.startsWith("default-color")) {
                try {
                    return Integer.parseInt(styleClass.substring("default-color".length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
