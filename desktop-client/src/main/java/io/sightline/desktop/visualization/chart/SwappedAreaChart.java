package io.sightline.desktop.visualization.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Polygon;

/**
 * An area chart with swapped axes (Redash's {@code swappedAxes}): the values run along the horizontal axis and the
 * x values (categories, dates or numbers) up the vertical one, so each series is a line from bottom to top and its
 * area is filled sideways, from its base (0, or the top of the series stacked before it, carried as each point's
 * extra value) to the line. {@code javafx.scene.chart}'s own area charts only fill downwards.
 */
final class SwappedAreaChart<Y> extends LineChart<Number, Y> {

    private final List<Polygon> fills = new ArrayList<>();

    SwappedAreaChart(Axis<Number> values, Axis<Y> xs) {
        super(values, xs);
        setCreateSymbols(false);
        setAxisSortingPolicy(SortingPolicy.Y_AXIS);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(fills);
        fills.clear();
        for (int s = 0; s < getData().size(); s++) {
            List<double[]> edge = new ArrayList<>(); // per point: [y, x of the value, x of the base]
            for (XYChart.Data<Number, Y> data : getData().get(s).getData()) {
                double base = data.getExtraValue() instanceof Number n ? n.doubleValue() : 0;
                double y = getYAxis().getDisplayPosition(data.getYValue());
                if (!Double.isNaN(y)) {
                    edge.add(new double[] {y, getXAxis().getDisplayPosition(data.getXValue()),
                            getXAxis().getDisplayPosition(base)});
                }
            }
            if (edge.size() < 2) {
                continue;
            }
            edge.sort(Comparator.comparingDouble(p -> p[0]));
            Polygon fill = new Polygon();
            edge.forEach(p -> fill.getPoints().addAll(p[1], p[0]));
            for (int i = edge.size() - 1; i >= 0; i--) {
                fill.getPoints().addAll(edge.get(i)[2], edge.get(i)[0]);
            }
            fill.getStyleClass().addAll("chart-series-area-fill", "series" + s, "default-color" + s % 8);
            fill.setMouseTransparent(true);
            fills.add(fill);
        }
        getPlotChildren().addAll(0, fills);
    }
}
