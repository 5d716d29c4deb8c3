package io.sightline.desktop.visualization.pivot;

import io.sightline.common.visualization.PivotOptions;
import io.sightline.common.visualization.PivotTable;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;

/**
 * {@code PIVOT}: rows × columns of the aggregated value (react-pivottable's aggregators, computed by
 * {@link PivotTable}), with row and column totals when the options ask for them (by default they do), and the
 * heat-map renderers' colouring.
 */
public final class PivotRenderer implements VisualizationRenderer {

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        PivotOptions options = new PivotOptions(saved);
        PivotTable pivot = PivotTable.of(result.rows(), options);
        String renderer = options.string("rendererName");
        boolean heat = renderer != null && renderer.contains("Heatmap");
        double max = pivot.largestCell();

        GridPane grid = new GridPane();
        grid.setId("pivot-grid");
        grid.getStyleClass().add("pivot-table");
        grid.setPadding(new Insets(8));
        int headerColumns = Math.max(1, options.rows().size());
        for (int i = 0; i < options.rows().size(); i++) {
            grid.add(header(options.rows().get(i)), i, 0);
        }
        int c = headerColumns;
        for (List<String> colKey : pivot.colKeys()) {
            grid.add(header(colKey.isEmpty() ? pivot.aggregatorName() : String.join(" \u00B7 ", colKey)), c++, 0);
        }
        boolean rowTotals = options.rowTotals();
        boolean colTotals = options.colTotals();
        if (rowTotals) {
            grid.add(header("Totals"), c, 0);
        }
        int r = 1;
        for (List<String> rowKey : pivot.rowKeys()) {
            for (int i = 0; i < rowKey.size(); i++) {
                grid.add(header(rowKey.get(i)), i, r);
            }
            c = headerColumns;
            for (List<String> colKey : pivot.colKeys()) {
                Double value = pivot.cell(rowKey, colKey);
                Label cell = value(pivot.text(value));
                if (heat && value != null && max > 0) {
                    // the heat colours are light in both themes: dark text on them
                    cell.setStyle("-fx-background-color: " + PivotTable.heatColor(Math.abs(value) / max)
                            + "; -fx-text-fill: #1d1d1d;");
                }
                grid.add(cell, c++, r);
            }
            if (rowTotals) {
                Label total = value(pivot.text(pivot.rowTotals().get(rowKey)));
                total.getStyleClass().add("pivot-total");
                total.setStyle("-fx-font-weight: bold;");
                grid.add(total, c, r);
            }
            r++;
        }
        if (colTotals) {
            grid.add(header("Totals"), 0, r);
            c = headerColumns;
            for (List<String> colKey : pivot.colKeys()) {
                Label total = value(pivot.text(pivot.colTotals().get(colKey)));
                total.getStyleClass().add("pivot-total");
                total.setStyle("-fx-font-weight: bold;");
                grid.add(total, c++, r);
            }
            if (rowTotals) {
                Label grand = value(pivot.text(pivot.grandTotal()));
                grand.setId("pivot-grand-total");
                grand.getStyleClass().add("pivot-total");
                grand.setStyle("-fx-font-weight: bold;");
                grid.add(grand, c, r);
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(false);
        return scroll;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pivot-header");
        label.setStyle("-fx-font-weight: bold;");
        label.setPadding(new Insets(3, 8, 3, 8));
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pivot-cell");
        label.setPadding(new Insets(3, 8, 3, 8));
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        GridPane.setHalignment(label, HPos.RIGHT);
        return label;
    }
}
