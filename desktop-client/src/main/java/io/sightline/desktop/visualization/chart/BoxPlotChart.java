package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.BoxPlot;
import io.sightline.common.visualization.BoxStats;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ShapedChart;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Redash's {@code box} series: per x and series a box from the first to the third quartile, a line at the median,
 * whiskers to the furthest values within 1.5 × IQR and rings for the values beyond ({@link BoxPlot}), those on one
 * canvas ({@link BoxOutliers}). A
 * {@code javafx.scene.chart} chart like the others, so axes, legend and theme are theirs; on a logarithmic
 * {@code yAxis[0]} the boxes are of the values above zero (the others are left out and counted in the notes, as the
 * other charts do). The wheel and a drag zoom and pan along the xs ({@link CategoryAxesZoom}) and the values
 * ({@link NumberAxesZoom#attachValues}), a double click shows everything again.
 */
final class BoxPlotChart extends XYChart<String, Number> {

    /** The lowest and highest value drawn (whiskers and outliers), for the value axis. */
    private double[] range = {0, 1};
    /** Every x in order, those without a box of any series included: each keeps its place on the axis. */
    private List<String> xs = List.of();
    /** The outliers of every box, on one canvas above the boxes. */
    private final BoxOutliers outliers = new BoxOutliers();

    private BoxPlotChart(CategoryAxis x, ValueAxis<Number> y) {
        super(x, y);
        setAnimated(false);
        getPlotChildren().add(outliers);
        setData(javafx.collections.FXCollections.observableArrayList());
    }

    /**
     * A chart's box series on its {@code yAxis[0]} ({@link ValueAxes#boxValues}), zoomable; {@code notes} gets the
     * count of values a logarithmic axis leaves out.
     */
    static BoxPlotChart draw(ShapedChart shaped, ChartOptions options, List<String> notes) {
        ValueAxis<Number> values = ValueAxes.boxValues(options);
        ShapedChart placed = shaped;
        if (values instanceof LogarithmicAxis) {
            String leftOut = ValueAxes.leftOut(shaped, options, false);
            if (leftOut != null) {
                notes.add(leftOut);
                placed = aboveZero(shaped);
            }
        }
        BoxPlot plot = BoxPlot.of(placed);
        List<String> labels = new ArrayList<>();
        for (Object x : plot.xs()) {
            labels.add(ChartRenderer.label(x, shaped.xKind(), options));
        }
        BoxPlotChart chart = draw(plot, labels, options, new CategoryAxis(), values);
        CategoryAxesZoom.attach(chart);
        NumberAxesZoom.attachValues(chart);
        return chart;
    }

    /** The chart with only its values above zero: those a logarithmic axis can place. */
    private static ShapedChart aboveZero(ShapedChart shaped) {
        List<ChartSeries> series = new ArrayList<>();
        for (ChartSeries s : shaped.series()) {
            series.add(new ChartSeries(s.name(), s.type(), s.yAxis(), s.points().stream()
                    .filter(p -> p.value() == null || p.value() > 0).toList(), s.comparison()));
        }
        return new ShapedChart(shaped.xKind(), series, shaped.notes());
    }

    /**
     * The boxes of {@code plot}, {@code labels} naming its xs in order; an x without a box of a series is a gap
     * in its place (the category stays on the axis).
     */
    static BoxPlotChart draw(BoxPlot plot, List<String> labels, ChartOptions options, CategoryAxis categories,
                             ValueAxis<Number> values) {
        categories.getCategories().setAll(labels);
        if (values instanceof NumberAxis linear) {
            linear.setForceZeroInRange(false);
        }
        BoxPlotChart chart = new BoxPlotChart(categories, values);
        chart.range = plot.range();
        chart.xs = List.copyOf(labels);
        chart.setId("chart-box");
        chart.getStyleClass().add("visualization-chart");
        int index = 0;
        for (BoxPlot.Series series : plot.series()) {
            XYChart.Series<String, Number> drawn = new XYChart.Series<>();
            drawn.setName(series.name());
            for (int i = 0; i < plot.xs().size(); i++) {
                BoxStats box = series.boxes().get(plot.xs().get(i));
                if (box != null) {
                    XYChart.Data<String, Number> data = new XYChart.Data<>(labels.get(i), box.median(), box);
                    data.setNode(node(box, index, series.name() + " \u00B7 " + labels.get(i), options));
                    drawn.getData().add(data);
                }
            }
            chart.getData().add(drawn);
            index++;
        }
        return chart;
    }

    private static Group node(BoxStats box, int series, String title, ChartOptions options) {
        String colour = "CHART_COLOR_" + (series % 8 + 1);
        Line whisker = part(new Line(), "box-whisker", colour);
        Line lowCap = part(new Line(), "box-whisker-cap", colour);
        Line highCap = part(new Line(), "box-whisker-cap", colour);
        Rectangle quartiles = part(new Rectangle(), "box-quartiles", colour);
        quartiles.setStyle("-fx-stroke: " + colour + "; -fx-fill: " + colour + "_TRANS_20;");
        Line median = part(new Line(), "box-median", colour);
        median.setStrokeWidth(2);
        Group group = new Group(whisker, lowCap, highCap, quartiles, median);
        String format = options.numberFormat();
        Tooltip.install(quartiles, new Tooltip(title + "\nmax " + NumberFormat.format(box.max(), format)
                + "\nupper fence " + NumberFormat.format(box.upperWhisker(), format)
                + "\nq3 " + NumberFormat.format(box.q3(), format)
                + "\nmedian " + NumberFormat.format(box.median(), format)
                + "\nq1 " + NumberFormat.format(box.q1(), format)
                + "\nlower fence " + NumberFormat.format(box.lowerWhisker(), format)
                + "\nmin " + NumberFormat.format(box.min(), format)));
        group.getStyleClass().add("box-plot-box");
        return group;
    }

    private static <T extends javafx.scene.shape.Shape> T part(T shape, String styleClass, String colour) {
        shape.getStyleClass().add(styleClass);
        shape.setStyle("-fx-stroke: " + colour + ";");
        return shape;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void layoutPlotChildren() {
        CategoryAxis x = (CategoryAxis) getXAxis();
        ValueAxis<Number> y = (ValueAxis<Number>) getYAxis();
        int seriesCount = getData().size();
        double band = x.getCategorySpacing() * 0.7;
        double width = band / Math.max(1, seriesCount);
        outliers.clear(x.getWidth(), y.getHeight());
        for (int s = 0; s < seriesCount; s++) {
            for (Data<String, Number> data : getData().get(s).getData()) {
                if (!(data.getExtraValue() instanceof BoxStats box) || !(data.getNode() instanceof Group group)) {
                    continue;
                }
                double centre = x.getDisplayPosition(data.getXValue()) - band / 2 + width * (s + 0.5);
                double boxWidth = width * 0.8;
                double left = centre - boxWidth / 2;
                double q1 = y.getDisplayPosition(box.q1());
                double q3 = y.getDisplayPosition(box.q3());
                double low = y.getDisplayPosition(box.lowerWhisker());
                double high = y.getDisplayPosition(box.upperWhisker());
                double median = y.getDisplayPosition(box.median());
                List<Node> parts = group.getChildren();
                set((Line) parts.get(0), centre, low, centre, high);
                set((Line) parts.get(1), centre - boxWidth / 4, low, centre + boxWidth / 4, low);
                set((Line) parts.get(2), centre - boxWidth / 4, high, centre + boxWidth / 4, high);
                Rectangle quartiles = (Rectangle) parts.get(3);
                quartiles.setX(left);
                quartiles.setY(Math.min(q1, q3));
                quartiles.setWidth(boxWidth);
                quartiles.setHeight(Math.abs(q1 - q3));
                set((Line) parts.get(4), left, median, left + boxWidth, median);
                for (Double outlier : box.outliers()) {
                    outliers.add(outlier, centre, y.getDisplayPosition(outlier), quartiles.getStroke());
                }
            }
        }
        outliers.draw();
    }

    private static void set(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }

    /**
     * The value axis spans the whiskers and outliers, not only the medians the data items carry; the category axis
     * every x, not only those with a box.
     */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (getXAxis().isAutoRanging()) {
            getXAxis().invalidateRange(xs);
        }
        if (getYAxis().isAutoRanging()) {
            getYAxis().invalidateRange(List.of(range[0], range[1]));
        }
    }

    @Override
    protected void dataItemAdded(Series<String, Number> series, int itemIndex, Data<String, Number> item) {
        below(item.getNode());
    }

    @Override
    protected void dataItemRemoved(Data<String, Number> item, Series<String, Number> series) {
        getPlotChildren().remove(item.getNode());
        removeDataItemFromDisplay(series, item);
    }

    @Override
    protected void dataItemChanged(Data<String, Number> item) {
        // the boxes are drawn once per render; a changed result renders a new chart
    }

    @Override
    protected void seriesAdded(Series<String, Number> series, int seriesIndex) {
        for (Data<String, Number> item : series.getData()) {
            below(item.getNode());
        }
    }

    /** A box goes below the outliers' canvas. */
    private void below(Node box) {
        getPlotChildren().add(getPlotChildren().indexOf(outliers), box);
    }

    @Override
    protected void seriesRemoved(Series<String, Number> series) {
        for (Data<String, Number> item : series.getData()) {
            getPlotChildren().remove(item.getNode());
        }
        removeSeriesFromDisplay(series);
    }
}
