package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.BoxPlot;
import io.sightline.common.visualization.BoxPlotOptions;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.BorderPane;

/**
 * {@code BOXPLOT}, Redash's deprecated box plot: one box per result column ({@link BoxPlotOptions#boxes}), drawn
 * as a chart's box series are ({@link BoxPlotChart}), titled with the saved {@code xAxisLabel} and
 * {@code yAxisLabel}. A column without numbers keeps its place, empty.
 */
public final class LegacyBoxPlotRenderer implements VisualizationRenderer {

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        BoxPlotOptions options = new BoxPlotOptions(saved);
        BoxPlot plot = options.boxes(result);
        CategoryAxis columns = new CategoryAxis();
        columns.setLabel(options.xAxisLabel().isBlank() ? null : options.xAxisLabel());
        NumberAxis values = new NumberAxis();
        values.setLabel(options.yAxisLabel().isBlank() ? null : options.yAxisLabel());
        ChartOptions formats = new ChartOptions(Map.of()); // the old view had no formats: Redash's default ones
        List<String> labels = plot.xs().stream().map(String::valueOf).toList();
        BoxPlotChart chart = BoxPlotChart.draw(plot, labels, formats, columns, values);
        chart.setLegendVisible(false);
        chart.setId("chart-boxplot");
        BorderPane pane = new BorderPane(chart);
        pane.getStyleClass().add("chart-visualization");
        return pane;
    }
}
