package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.Heatmap;
import io.sightline.common.visualization.HslScale;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.map.Rgb;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

/**
 * Redash's {@code heatmap} series ({@link Heatmap}): a cell per y and x in its colour, the y values down the left
 * (the first at the bottom, as plotly draws them), the x values along the bottom, the values written in the cells
 * when data labels are on, and the colour scale's ends below.
 */
final class HeatmapChart {

    /** A cell's fill, {@code #rrggbb}, read by tests. */
    static final String FILL = "heatmap.fill";

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
        GridPane grid = new GridPane();
        grid.setId("chart-heatmap");
        grid.getStyleClass().addAll("visualization-chart", "heatmap-grid");
        grid.setHgap(gap);
        grid.setVgap(gap);
        grid.getColumnConstraints().add(new ColumnConstraints());
        for (int i = 0; i < heatmap.xs().size(); i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.ALWAYS);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        int rows = heatmap.ys().size();
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            grid.getRowConstraints().add(row);
        }
        for (int yi = 0; yi < rows; yi++) {
            int gridRow = rows - 1 - yi; // the first y at the bottom
            Label name = new Label(heatmap.ys().get(yi));
            name.getStyleClass().add("heatmap-y-label");
            grid.add(name, 0, gridRow);
            List<Double> values = heatmap.z().get(yi);
            for (int xi = 0; xi < values.size(); xi++) {
                grid.add(cell(heatmap, values.get(xi), heatmap.xs().get(xi) + " \u00B7 " + heatmap.ys().get(yi),
                        format, labels), xi + 1, gridRow);
            }
        }
        for (int xi = 0; xi < heatmap.xs().size(); xi++) {
            Label name = new Label(heatmap.xs().get(xi));
            name.getStyleClass().add("heatmap-x-label");
            name.setMaxWidth(Double.MAX_VALUE);
            name.setAlignment(Pos.CENTER);
            grid.add(name, xi + 1, rows);
        }
        BorderPane pane = new BorderPane(grid);
        pane.setBottom(scale(heatmap, format));
        return pane;
    }

    private static Node cell(Heatmap heatmap, double value, String where, String format, boolean withLabel) {
        Rgb fill = heatmap.color(value);
        Label cell = new Label(withLabel ? NumberFormat.format(value, format) : "");
        cell.getStyleClass().add("heatmap-cell");
        cell.getProperties().put(FILL, fill.hex());
        cell.setStyle("-fx-background-color: " + fill.hex() + "; -fx-text-fill: " + HslScale.textOn(fill).hex() + ";");
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        cell.setMinSize(8, 8);
        cell.setAlignment(Pos.CENTER);
        Tooltip.install(cell, new Tooltip(where + ": " + NumberFormat.format(value, format)));
        return cell;
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
