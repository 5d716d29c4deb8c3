package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Redash's second Y axis ({@code seriesOptions[name].yAxis: 1}): the series of each axis drawn as their own chart
 * of their own type (combo charts: bars on the left axis, a line on the right), the right one laid over the left
 * one with a transparent background, its value axis on the right, and the plot areas kept on the same x. One
 * legend below names every series with its axis.
 */
final class SecondAxisChart {

    private static final Set<SeriesType> DRAWN = EnumSet.of(SeriesType.COLUMN, SeriesType.LINE, SeriesType.AREA,
            SeriesType.SCATTER, SeriesType.BUBBLE);

    private SecondAxisChart() {
    }

    /** Vertical charts of bars, lines, areas or dots with series on both axes. */
    static boolean applies(ShapedChart shaped, ChartOptions options, SeriesType type) {
        return !options.swappedAxes() && DRAWN.contains(type)
                && shaped.series().stream().allMatch(s -> DRAWN.contains(s.type()))
                && shaped.series().stream().anyMatch(s -> s.yAxis() == 1)
                && shaped.series().stream().anyMatch(s -> s.yAxis() == 0);
    }

    static Node draw(ShapedChart shaped, ChartOptions options) {
        List<String> order = ChartRenderer.categoryOrder(shaped, options);
        List<ChartSeries> left = shaped.series().stream().filter(s -> s.yAxis() == 0).toList();
        List<ChartSeries> right = shaped.series().stream().filter(s -> s.yAxis() == 1).toList();
        XYChart<?, ?> base = layer(shaped, left, options, 0, order);
        XYChart<?, ?> over = layer(shaped, right, options, 1, order);
        base.setId("chart-left-axis");
        over.setId("chart-right-axis");
        over.getStyleClass().add("second-axis-chart");
        over.getYAxis().setSide(Side.RIGHT);
        over.getXAxis().setOpacity(0); // the base chart's x axis is the one read; this one only keeps the layout
        over.setHorizontalGridLinesVisible(false);
        over.setVerticalGridLinesVisible(false);
        over.setAlternativeRowFillVisible(false);
        over.setMouseTransparent(false);
        over.setPickOnBounds(false);
        recolour(over, left.size());
        if (base instanceof javafx.scene.chart.BarChart<?, ?> bars && left.size() == 1) {
            bars.setBarGap(0); // a lone bar centred on its category, under the overlay's point
        }
        sameXRange(shaped, base, over);
        // the plot areas on the same x: the base leaves room for the right axis, the overlay for the left one
        Region leftAxis = base.getYAxis();
        Region rightAxis = over.getYAxis();
        base.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Insets(10, 10 + rightAxis.getWidth(), 10, 10), rightAxis.widthProperty()));
        over.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Insets(10, 10, 10, 10 + leftAxis.getWidth()), leftAxis.widthProperty()));
        for (XYChart<?, ?> chart : List.of(base, over)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
        }
        StackPane layers = new StackPane(base, over);
        BorderPane pane = new BorderPane(layers);
        if (options.legendEnabled()) {
            pane.setBottom(legend(left, right));
        }
        return pane;
    }

    private static XYChart<?, ?> layer(ShapedChart shaped, List<ChartSeries> series, ChartOptions options, int axis,
                                       List<String> order) {
        ShapedChart part = new ShapedChart(shaped.xKind(), series, List.of());
        SeriesType type = series.get(0).type();
        return type == SeriesType.COLUMN ? ChartRenderer.bars(part, options, axis, order)
                : ChartRenderer.xy(part, options, type, axis, order);
    }

    /** The overlay's series take the colours after the base chart's, so no two series share one. */
    private static void recolour(XYChart<?, ?> over, int first) {
        for (int i = 0; i < over.getData().size(); i++) {
            String colour = colour(first + i);
            XYChart.Series<?, ?> series = over.getData().get(i);
            Node line = series.getNode();
            if (line instanceof javafx.scene.Group area) {
                area.getChildren().forEach(part -> part.setStyle(part.getStyleClass().contains("chart-series-area-fill")
                        ? "-fx-fill: " + colour + "_TRANS_20;" : "-fx-stroke: " + colour + ";"));
            } else if (line != null) {
                line.setStyle("-fx-stroke: " + colour + ";");
            }
            for (XYChart.Data<?, ?> data : series.getData()) {
                Node point = data.getNode();
                if (point != null) {
                    point.setStyle(point.getStyleClass().contains("chart-bar") ? "-fx-bar-fill: " + colour + ";"
                            : "-fx-background-color: " + colour + ", white;");
                }
            }
        }
    }

    static String colour(int series) {
        return "CHART_COLOR_" + (series % 8 + 1);
    }

    /**
     * On a number or date x both charts span all points, so the same x falls at the same place in both (on a
     * logarithmic x: the points above zero, from and to whole powers of ten).
     */
    @SuppressWarnings("unchecked")
    private static void sameXRange(ShapedChart shaped, XYChart<?, ?> base, XYChart<?, ?> over) {
        if (shaped.xKind() == XKind.CATEGORY || !(base.getXAxis() instanceof ValueAxis<?> a)
                || !(over.getXAxis() instanceof ValueAxis<?> b)) {
            return;
        }
        boolean log = a instanceof LogarithmicAxis;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ChartSeries series : shaped.series()) {
            for (ChartPoint point : series.points()) {
                double x = point.x() instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC).toEpochMilli()
                        : point.x() instanceof Number n ? n.doubleValue() : Double.NaN;
                if (!Double.isNaN(x) && (!log || x > 0)) {
                    low = Math.min(low, x);
                    high = Math.max(high, x);
                }
            }
        }
        if (log && low <= high) {
            low = Math.pow(10, Math.floor(Math.log10(low)));
            high = Math.max(low * 10, Math.pow(10, Math.ceil(Math.log10(high))));
        }
        if (low < high) {
            for (ValueAxis<?> axis : List.of(a, b)) {
                axis.setAutoRanging(false);
                axis.setLowerBound(low);
                axis.setUpperBound(high);
                if (axis instanceof NumberAxis numbers) {
                    numbers.setTickUnit((high - low) / 8);
                }
            }
        }
    }

    private static Node legend(List<ChartSeries> left, List<ChartSeries> right) {
        FlowPane legend = new FlowPane(14, 4);
        legend.setId("chart-axes-legend");
        legend.setAlignment(Pos.CENTER);
        legend.setPadding(new Insets(4));
        int i = 0;
        for (ChartSeries series : left) {
            legend.getChildren().add(item(series.name(), i++));
        }
        for (ChartSeries series : right) {
            legend.getChildren().add(item(series.name() + " (right axis)", i++));
        }
        return legend;
    }

    private static Node item(String name, int index) {
        Region swatch = new Region();
        swatch.setPrefSize(10, 10);
        swatch.setStyle("-fx-background-color: " + colour(index) + "; -fx-background-radius: 5;");
        Label label = new Label(name, swatch);
        label.getStyleClass().add("chart-axes-legend-item");
        return label;
    }
}
