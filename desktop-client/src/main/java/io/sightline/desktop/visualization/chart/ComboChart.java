package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Redash's combo charts: series of their own type ({@code seriesOptions[name].type}: columns, lines, areas, dots)
 * and on a second Y axis ({@code seriesOptions[name].yAxis: 1}) in one chart. Each (axis, type) group is a layer,
 * its own {@code javafx.scene.chart} chart, laid over the others in a stack (bars below areas below lines below dots):
 * every layer on the same x (the same categories in the same order, or the same number range) and the layers of an
 * axis on the same value range (all its series', a stacked type's stacks included; stacking stacks the series of a
 * type among themselves). One x axis is seen, one value axis a side (the second on the right), one legend names every
 * series ("(right axis)" for the second). The layers' points share one hover ({@link XyHover#together}), and
 * the wheel and a drag zoom and pan them together along x (the value axes stay as they are).
 */
final class ComboChart {

    /** The types a layer can be. */
    static final Set<SeriesType> DRAWN = EnumSet.of(SeriesType.COLUMN, SeriesType.LINE, SeriesType.AREA,
            SeriesType.SCATTER, SeriesType.BUBBLE);
    private static final List<SeriesType> BOTTOM_UP = List.of(SeriesType.COLUMN, SeriesType.AREA, SeriesType.LINE,
            SeriesType.SCATTER, SeriesType.BUBBLE);

    private record Group(int axis, SeriesType type) {
    }

    private ComboChart() {
    }

    /** Vertical charts of bars, lines, areas or dots whose series are of more than one type or on both axes. */
    static boolean applies(ShapedChart shaped, ChartOptions options, SeriesType type) {
        List<ChartSeries> series = shaped.series();
        return !options.swappedAxes() && DRAWN.contains(type) && series.stream().allMatch(s -> DRAWN.contains(s.type()))
                && (series.stream().map(ChartSeries::type).distinct().count() > 1
                || series.stream().anyMatch(s -> s.yAxis() == 1));
    }

    /** The chart, {@code colours} being the series' in the order of {@code shaped}'s series. */
    static Node draw(ShapedChart shaped, ChartOptions options, List<String> colours) {
        List<String> order = ChartRenderer.categoryOrder(shaped, options);
        Map<Group, List<ChartSeries>> groups = new LinkedHashMap<>();
        Map<Group, List<String>> groupColours = new HashMap<>();
        for (SeriesType type : BOTTOM_UP) {
            for (int axis = 0; axis < 2; axis++) {
                for (int i = 0; i < shaped.series().size(); i++) {
                    ChartSeries series = shaped.series().get(i);
                    if (series.type() == type && series.yAxis() == axis) {
                        Group group = new Group(axis, type);
                        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(series);
                        groupColours.computeIfAbsent(group, g -> new ArrayList<>()).add(colours.get(i));
                    }
                }
            }
        }
        double[][] extents = {extent(groups, 0, options), extent(groups, 1, options)};
        List<XYChart<?, ?>> layers = new ArrayList<>();
        XYChart<?, ?>[] seenAxis = new XYChart<?, ?>[2];
        groups.forEach((group, series) -> {
            int axis = group.axis();
            ShapedChart part = new ShapedChart(shaped.xKind(), series, List.of());
            ValueAxis<Number> values = ValueAxes.shared(options, axis, extents[axis][0], extents[axis][1]);
            XYChart<?, ?> layer = group.type() == SeriesType.COLUMN ? ChartRenderer.bars(part, options, values, order)
                    : ChartRenderer.xy(part, options, group.type(), values, order);
            layer.setAnimated(false);
            layer.setLegendVisible(false);
            layer.getYAxis().setSide(axis == 1 ? Side.RIGHT : Side.LEFT);
            if (seenAxis[axis] == null) {
                seenAxis[axis] = layer;
                layer.setId(axis == 1 ? "chart-right-axis" : "chart-left-axis");
            } else {
                layer.getYAxis().setOpacity(0); // the axis's first layer's is the one read; this one keeps the layout
                layer.setId((axis == 1 ? "chart-right-axis-" : "chart-left-axis-") + group.type().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            layer.getStyleClass().add("combo-chart-layer");
            if (layer.getXAxis() instanceof CategoryAxis categories) {
                categories.setAutoRanging(false); // every category, also where this layer has no point
            }
            if (layer instanceof BarChart<?, ?> bars && series.size() == 1) {
                bars.setBarGap(0); // a lone bar centred on its category, under the other layers' points
            }
            SeriesPaint.paint(layer, groupColours.get(group), 0);
            if (!layers.isEmpty()) {
                overlay(layer);
            }
            layers.add(layer);
        });
        sameXRange(shaped, layers);
        alignPlots(layers, seenAxis[0], seenAxis[1]);
        StackPane stack = new StackPane(layers.toArray(Node[]::new));
        stack.setId("chart-combo");
        XyHover.together(stack, layers);
        zoom(stack, layers);
        BorderPane pane = new BorderPane(stack);
        if (options.legendEnabled()) {
            pane.setBottom(legend(shaped.series(), colours));
        }
        return pane;
    }

    /** A layer over the first: see-through, no grid, no x axis of its own to read; the pointer reaches below it. */
    private static void overlay(XYChart<?, ?> layer) {
        layer.getStyleClass().add("second-axis-chart");
        layer.getXAxis().setOpacity(0);
        layer.setHorizontalGridLinesVisible(false);
        layer.setVerticalGridLinesVisible(false);
        layer.setHorizontalZeroLineVisible(false);
        layer.setVerticalZeroLineVisible(false);
        layer.setAlternativeRowFillVisible(false);
        layer.setAlternativeColumnFillVisible(false);
        layer.setPickOnBounds(false);
        for (String part : List.of(".chart-content", ".chart-plot-background")) {
            Node empty = layer.lookup(part);
            if (empty != null) {
                empty.setPickOnBounds(false);
                empty.setMouseTransparent(part.equals(".chart-plot-background"));
            }
        }
    }

    /**
     * The wheel and a drag over any layer zoom and pan all along x: over categories all show the same ones
     * ({@link CategoryAxesZoom}); over numbers or dates the first layer's x axis zooms ({@link NumberAxesZoom})
     * and the others' follow its bounds.
     */
    private static void zoom(Node stack, List<XYChart<?, ?>> layers) {
        XYChart<?, ?> first = layers.get(0);
        if (first.getXAxis() instanceof CategoryAxis) {
            CategoryAxesZoom.attach(stack, layers);
            return;
        }
        if (!(first.getXAxis() instanceof ValueAxis<?> leader) || leader.isAutoRanging()) {
            return; // no x range shared (no number on x): nothing to zoom together
        }
        for (XYChart<?, ?> layer : layers.subList(1, layers.size())) {
            if (layer.getXAxis() instanceof ValueAxis<?> follower) {
                follower.lowerBoundProperty().bind(leader.lowerBoundProperty());
                follower.upperBoundProperty().bind(leader.upperBoundProperty());
                if (follower instanceof NumberAxis numbers && leader instanceof NumberAxis led) {
                    numbers.tickUnitProperty().bind(led.tickUnitProperty());
                }
            }
        }
        NumberAxesZoom.attach(stack, first, false);
    }

    /**
     * The plot areas of all layers on the same x: a layer leaves room on its other side for the axis seen there
     * (the layers of a side have the same range, so axes of the same width).
     */
    private static void alignPlots(List<XYChart<?, ?>> layers, XYChart<?, ?> left, XYChart<?, ?> right) {
        Region leftAxis = left == null ? null : left.getYAxis();
        Region rightAxis = right == null ? null : right.getYAxis();
        for (XYChart<?, ?> layer : layers) {
            Region other = layer.getYAxis().getSide() == Side.RIGHT ? leftAxis : rightAxis;
            if (other == null) {
                continue;
            }
            boolean onRight = other == rightAxis;
            layer.paddingProperty().bind(Bindings.createObjectBinding(() -> onRight
                    ? new Insets(10, 10 + other.getWidth(), 10, 10)
                    : new Insets(10, 10, 10, 10 + other.getWidth()), other.widthProperty()));
        }
    }

    /**
     * The lowest and highest value drawn against {@code axis}: a stacking type's stacks (each type's series
     * stacked among themselves, positives up, negatives down) or the values; on a logarithmic axis those above 0.
     */
    private static double[] extent(Map<Group, List<ChartSeries>> groups, int axis, ChartOptions options) {
        boolean log = ValueAxes.logarithmic(options, axis);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Group, List<ChartSeries>> entry : groups.entrySet()) {
            if (entry.getKey().axis() != axis) {
                continue;
            }
            SeriesType type = entry.getKey().type();
            boolean stacks = options.stacked() && (type == SeriesType.COLUMN || type == SeriesType.AREA);
            Map<String, double[]> stacksAt = new HashMap<>();
            for (ChartSeries series : entry.getValue()) {
                for (ChartPoint point : series.points()) {
                    if (point.y() == null) {
                        continue;
                    }
                    double value = point.y();
                    if (stacks) {
                        double own = point.y() - point.base();
                        double[] at = stacksAt.computeIfAbsent(String.valueOf(point.x()), k -> new double[2]);
                        at[own >= 0 ? 0 : 1] += own;
                        value = at[own >= 0 ? 0 : 1];
                    }
                    if (!log || value > 0) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
        }
        return new double[] {low, high};
    }

    /**
     * On a number or date x all layers span all points, so the same x falls at the same place in each (on a
     * logarithmic x: the points above zero, from and to whole powers of ten).
     */
    private static void sameXRange(ShapedChart shaped, List<XYChart<?, ?>> layers) {
        if (shaped.xKind() == XKind.CATEGORY || !(layers.get(0).getXAxis() instanceof ValueAxis<?> first)) {
            return;
        }
        boolean log = first instanceof LogarithmicAxis;
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
            for (XYChart<?, ?> layer : layers) {
                if (layer.getXAxis() instanceof ValueAxis<?> axis) {
                    axis.setAutoRanging(false);
                    axis.setLowerBound(low);
                    axis.setUpperBound(high);
                    if (axis instanceof NumberAxis numbers) {
                        numbers.setTickUnit((high - low) / 8);
                    }
                }
            }
        }
    }

    private static Node legend(List<ChartSeries> series, List<String> colours) {
        FlowPane legend = new FlowPane(14, 4);
        legend.setId("chart-axes-legend");
        legend.setAlignment(Pos.CENTER);
        legend.setPadding(new Insets(4));
        for (int i = 0; i < series.size(); i++) {
            ChartSeries one = series.get(i);
            legend.getChildren().add(item(one.name() + (one.yAxis() == 1 ? " (right axis)" : ""), colours.get(i)));
        }
        return legend;
    }

    private static Node item(String name, String colour) {
        Region swatch = new Region();
        swatch.setPrefSize(10, 10);
        swatch.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 5;");
        swatch.getStyleClass().add("chart-axes-legend-swatch");
        Label label = new Label(name, swatch);
        label.getStyleClass().add("chart-axes-legend-item");
        return label;
    }
}
