package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.Heatmap;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Redash's {@code heatmap} series ({@link Heatmap}): a cell per y and x in its colour, the y values down the left
 * (the first at the bottom, as plotly draws them), the x values along the bottom, the values written in the cells
 * when data labels are on, and the colour scale's ends below. The cells are drawn on one canvas
 * ({@link HeatmapCells}): a node per cell made a 100 × 100 heatmap take seconds to open. The wheel and a drag zoom
 * and pan over a window of its rows and columns ({@link HeatmapZoom}).
 */
final class HeatmapChart {

    private HeatmapChart() {
    }

    static Node draw(ResultData result, ChartOptions options) {
        Heatmap heatmap = Heatmap.of(result, options);
        if (heatmap.z().isEmpty()) {
            Label note = new Label("Map columns to x, y and the colour value (zVal) to draw the heatmap.");
            note.getStyleClass().add("muted");
            return note;
        }
        String format = options.numberFormat();
        boolean labels = options.bool("showDataLabels");
        double gap = options.number("heatmapSpacing", 0) * 0.2 + 1;
        HeatmapCells cells = new HeatmapCells(heatmap, format, labels, gap);
        cells.setId("chart-heatmap");
        cells.getStyleClass().addAll("visualization-chart", "heatmap-grid");
        HeatmapZoom.attach(cells);
        BorderPane pane = new BorderPane(cells);
        pane.setBottom(scale(heatmap, format));
        return pane;
    }

    /** The scale from its smallest to its largest value, as a strip of its stops. */
    private static Node scale(Heatmap heatmap, String format) {
        StringBuilder gradient = new StringBuilder("linear-gradient(to right");
        heatmap.scheme().forEach(stop -> gradient.append(", ").append(stop.color().hex()).append(' ')
                .append(Math.round(stop.at() * 100)).append('%'));
        gradient.append(')');
        Region strip = new Region();
        strip.setPrefSize(200, 10);
        strip.setStyle("-fx-background-color: " + gradient + ";");
        Label low = new Label(NumberFormat.format(heatmap.zMin(), format));
        Label high = new Label(NumberFormat.format(heatmap.zMax(), format));
        low.getStyleClass().add("muted");
        high.getStyleClass().add("muted");
        HBox legend = new HBox(6, low, strip, high);
        legend.setId("heatmap-scale");
        legend.setAlignment(Pos.CENTER);
        legend.setStyle("-fx-padding: 6 0 0 0;");
        return legend;
    }
}
