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
 * extra value) to the line. {@code javafx.scene.chart}'s own area charts only fill downwards. Where a series has no
 * value its line and its fill stop ({@link SeriesGaps}).
 */
final class SwappedAreaChart<Y> extends LineChart<Number, Y> {

    private final List<Polygon> fills = new ArrayList<>();
    private final SeriesGaps gaps;

    SwappedAreaChart(Axis<Number> values, Axis<Y> xs, SeriesGaps gaps) {
        super(values, xs);
        this.gaps = gaps;
        setCreateSymbols(false);
        setAxisSortingPolicy(SortingPolicy.Y_AXIS);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        gaps.cut(this);
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
            edge.sort(Comparator.comparingDouble(p -> p[0]));
            double[] missing = gaps.gapPositions(this, getData().get(s));
            int from = 0;
            for (int i = 1; i <= edge.size(); i++) {
                if (i == edge.size() || SeriesGaps.gapBetween(missing, edge.get(i - 1)[0], edge.get(i)[0])) {
                    fill(edge.subList(from, i), s);
                    from = i;
                }
            }
        }
        getPlotChildren().addAll(0, fills);
    }

    /** The area between the base and the values of one piece of series {@code s} (two points at least). */
    private void fill(List<double[]> edge, int s) {
        if (edge.size() < 2) {
            return;
        }
        Polygon fill = new Polygon();
        edge.forEach(p -> fill.getPoints().addAll(p[1], p[0]));
        for (int i = edge.size() - 1; i >= 0; i--) {
            fill.getPoints().addAll(edge.get(i)[2], edge.get(i)[0]);
        }
        fill.getStyleClass().addAll("chart-series-area-fill", "series" + s, "default-color" + s % 8);
        fill.setMouseTransparent(true);
        fills.add(fill);
    }
}
