package io.sightline.desktop.visualization.chart;

import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartOptions.SeriesType;
import io.sightline.common.visualization.ChartPoint;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ChartShaper;
import io.sightline.common.visualization.DateTimeFormat;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.SeriesColors;
import io.sightline.common.visualization.ShapedChart;
import io.sightline.common.visualization.ShapedChart.XKind;
import io.sightline.common.visualization.XyArrays;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.visualization.render.ClickedRow;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/**
 * {@code CHART}: column / bar (grouped, stacked, horizontal), line, area (stacked, percent; both also with swapped
 * axes, {@link SwappedAreaChart}), pie / donut, scatter,
 * box plot ({@link BoxPlotChart}) and heatmap ({@link HeatmapChart}),
 * from {@link ChartShaper}'s series (sorting, missing values, stacking, percent, comparison and downsampling are
 * done there, the same for every renderer). Drawn with {@code javafx.scene.chart} (docs/decisions/0028): every
 * bar and slice is a node, themed by the style sheets and readable by tests and screen readers. Lines and scatters
 * on a number or date axis with more than {@link #DEFAULT_POINT_BUDGET} points per series are drawn with
 * ChartFX ({@link LargeXyChart}: scatters whole, lines thinned to {@link LargeXyChart#LINE_POINTS} points); other
 * charts past the budget (areas, stacked lines) are downsampled (largest-triangle-three-buckets for lines) and say
 * so. The axes follow Redash's {@code xAxis} / {@code yAxis} options ({@link ValueAxes}: scales, titles, ranges).
 * Every chart but the pie zooms and pans (wheel, drag, double click for the whole); a pie does not, as Redash's
 * plotly pie does not.
 */
public final class ChartRenderer implements VisualizationRenderer {

    /** Points per series drawn when the options set no budget of their own ({@code sightline.pointBudget}). */
    public static final int DEFAULT_POINT_BUDGET = 2_000;

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        ChartOptions whole = new ChartOptions(saved, CurrentFormats.get());
        SeriesType type = whole.globalSeriesType();
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("chart-visualization");
        int budget = whole.pointBudget() > 0 ? whole.pointBudget() : DEFAULT_POINT_BUDGET;
        XyArrays simple = LargeXyChart.suitsType(whole, type) ? XyArrays.of(result, whole) : null;
        if (simple != null && simple.points() > budget) {
            // one large line or scatter: shaped straight into arrays, not a point object per row
            List<String> notes = new ArrayList<>(simple.notes());
            pane.setCenter(LargeXyChart.draw(simple, whole, type, notes));
            notes(pane, notes);
            return pane;
        }
        ShapedChart shaped = ChartShaper.shape(result, whole);
        final ShapedChart everyRow = shaped; // a box is of every value: never downsampled
        ChartOptions options = whole;
        if (LargeXyChart.suits(shaped, whole, type, budget)) {
            List<String> notes = new ArrayList<>(shaped.notes());
            pane.setCenter(LargeXyChart.draw(shaped, whole, type, notes));
            notes(pane, notes);
            return pane;
        }
        if (type != SeriesType.BOX && shaped.series().stream().anyMatch(s -> s.points().size() > budget)) {
            options = new ChartOptions(withBudget(saved), CurrentFormats.get());
            shaped = ChartShaper.shape(result, options);
        }
        final ShapedChart drawn = shaped;
        final ChartOptions drawnOptions = options;
        List<String> colours = type == SeriesType.PIE ? sliceColors(drawn, drawnOptions)
                : SeriesColors.of(drawnOptions, drawn.series().stream().map(ChartSeries::name).toList());
        pane.setStyle(lookedUpColors(colours));
        List<String> notes = new ArrayList<>(shaped.notes());
        boolean combo = ComboChart.applies(drawn, drawnOptions, type);
        boolean twoAxes = combo && drawn.series().stream().anyMatch(s -> s.yAxis() == 1);
        String leftOut = type == SeriesType.PIE || type == SeriesType.BOX || type == SeriesType.HEATMAP ? null
                : ValueAxes.leftOut(drawn, drawnOptions, twoAxes);
        if (leftOut != null) {
            notes.add(leftOut);
        }
        if (!combo && drawnOptions.swappedAxes() && ComboChart.DRAWN.contains(type)) {
            List<String> own = drawn.series().stream().filter(s -> s.type() != type).map(ChartSeries::name).toList();
            if (!own.isEmpty()) {
                notes.add("Swapped axes draw every series as the chart's type here: " + String.join(", ", own)
                        + (own.size() == 1 ? " is not drawn as its own type" : " are not drawn as their own types"));
            }
        }
        if (combo) {
            pane.setCenter(ComboChart.draw(drawn, drawnOptions, colours));
            notes(pane, notes);
            return pane;
        }
        Node chart = switch (type) {
            case PIE -> pie(drawn, drawnOptions);
            case COLUMN -> bars(drawn, drawnOptions);
            case LINE, AREA, SCATTER, BUBBLE -> xy(drawn, drawnOptions, type);
            case BOX -> BoxPlotChart.draw(everyRow, whole, notes);
            case HEATMAP -> HeatmapChart.draw(result, whole);
            default -> null;
        };
        if (chart == null) {
            Label unsupported = new Label("The " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " chart is not supported yet in the workbench; it is kept as it is.");
            unsupported.getStyleClass().add("muted");
            pane.setCenter(unsupported);
            return pane;
        }
        if (chart instanceof XYChart<?, ?> xy && ComboChart.DRAWN.contains(type)) {
            SeriesPaint.paint(xy, colours, SeriesPaint.LOOKED_UP); // the ninth series on: their own colours
        } else if (chart instanceof PieChart pie) {
            SeriesPaint.paint(pie, colours, SeriesPaint.LOOKED_UP);
        }
        if (chart instanceof Chart c) {
            c.setAnimated(false);
            c.setLegendVisible(options.legendEnabled() && (type == SeriesType.PIE || shaped.series().size() > 1));
            c.setLegendSide(Side.BOTTOM);
        }
        pane.setCenter(chart);
        notes(pane, notes);
        return pane;
    }

    /**
     * The series' colours as the looked-up colours JavaFX's charts draw their first eight series in
     * ({@code CHART_COLOR_1} … {@code _8} and their translucent {@code _TRANS_20} and {@code _TRANS_70}), set
     * on the chart's pane so that every layer of a combo chart, and the legend, takes them. JavaFX cycles eight: a
     * ninth series on is given its own colour on its nodes ({@link SeriesPaint}).
     */
    static String lookedUpColors(List<String> colors) {
        StringBuilder style = new StringBuilder();
        for (int i = 0; i < Math.min(8, colors.size()); i++) {
            String color = colors.get(i);
            style.append("CHART_COLOR_").append(i + 1).append(": ").append(color).append("; ");
            // an area's fill and a bubble are the colour at 20 % and 70 % (modena's own looked-up colours)
            style.append("CHART_COLOR_").append(i + 1).append("_TRANS_20: ").append(color).append("33; ");
            style.append("CHART_COLOR_").append(i + 1).append("_TRANS_70: ").append(color).append("b3; ");
        }
        return style.toString().strip();
    }

    private static List<String> sliceColors(ShapedChart shaped, ChartOptions options) {
        return shaped.series().isEmpty() ? List.of() : SeriesColors.ofSlices(options, shaped.series().get(0).points()
                .stream().map(p -> label(p.x(), shaped.xKind(), options)).toList());
    }

    private static void notes(BorderPane pane, List<String> said) {
        if (!said.isEmpty()) {
            Label notes = new Label(String.join("; ", said));
            notes.setId("chart-notes");
            notes.getStyleClass().add("muted");
            notes.setWrapText(true);
            pane.setTop(notes);
        }
    }

    private static Map<String, Object> withBudget(Map<String, Object> saved) {
        Object own = saved.get("sightline") instanceof Map<?, ?> s ? s.get("pointBudget") : null;
        if (own != null) {
            return saved;
        }
        Map<String, Object> copy = new LinkedHashMap<>(saved);
        Map<String, Object> sightline = new LinkedHashMap<>();
        if (saved.get("sightline") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> sightline.put(String.valueOf(k), v));
        }
        sightline.put("pointBudget", DEFAULT_POINT_BUDGET);
        copy.put("sightline", sightline);
        return copy;
    }

    // ---- pie / donut

    private static Node pie(ShapedChart shaped, ChartOptions options) {
        PieChart pie = new PieChart();
        pie.setId("chart-pie");
        pie.getStyleClass().add("visualization-chart");
        if (shaped.series().isEmpty()) {
            return pie;
        }
        ChartSeries first = shaped.series().get(0);
        double total = first.points().stream().mapToDouble(p -> p.value() == null ? 0 : Math.abs(p.value())).sum();
        String percentFormat = options.percentFormat();
        for (ChartPoint point : first.points()) {
            double value = point.value() == null ? 0 : Math.abs(point.value());
            PieChart.Data slice = new PieChart.Data(label(point.x(), shaped.xKind(), options), value);
            pie.getData().add(slice);
            String percent = NumberFormat.format(total == 0 ? 0 : value * 100 / total, percentFormat);
            slice.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    ClickedRow.mark(node, point.row());
                    Tooltip.install(node, new Tooltip(slice.getName() + ": "
                            + NumberFormat.format(point.value(), options.numberFormat()) + " (" + percent + ")"));
                }
            });
            if (options.bool("showDataLabels")) {
                slice.setName(slice.getName() + " " + percent);
            }
        }
        pie.setLabelsVisible(options.bool("showDataLabels"));
        pie.setStartAngle(90);
        pie.setClockwise(!"counterclockwise".equals(options.string("direction.type")));
        return pie;
    }

    // ---- column / bar

    private static Node bars(ShapedChart shaped, ChartOptions options) {
        XYChart<?, ?> chart = bars(shaped, options, ValueAxes.value(options, 0, shaped),
                categoryOrder(shaped, options));
        CategoryAxesZoom.attach(chart);
        return chart;
    }

    /** The bars of {@code shaped} against this value axis, over these categories. */
    static XYChart<?, ?> bars(ShapedChart shaped, ChartOptions options, ValueAxis<Number> values,
                              List<String> order) {
        boolean horizontal = options.swappedAxes();
        boolean stacked = options.stacked();
        CategoryAxis categories = new CategoryAxis();
        inOrder(categories, order);
        ValueAxes.xTitle(categories, options);
        XYChart<?, ?> chart;
        if (horizontal) {
            chart = stacked ? new StackedBarChart<>(values, categories) : new BarChart<>(values, categories);
        } else {
            chart = stacked ? new StackedBarChart<>(categories, values) : new BarChart<>(categories, values);
        }
        chart.setId("chart-bars");
        chart.getStyleClass().add("visualization-chart");
        if (horizontal) {
            LastTickRoom.keep(chart);
        }
        for (ChartSeries series : shaped.series()) {
            XYChart.Series<Object, Object> drawn = new XYChart.Series<>();
            drawn.setName(series.name());
            for (ChartPoint point : series.points()) {
                if (point.y() == null) {
                    continue;
                }
                double height = stacked ? point.y() - point.base() : point.y();
                if (values instanceof LogarithmicAxis && !(height > 0)) {
                    continue; // not on the axis: the chart's notes count it
                }
                String category = label(point.x(), shaped.xKind(), options);
                XYChart.Data<Object, Object> data = horizontal ? new XYChart.Data<>(height, category)
                        : new XYChart.Data<>(category, height);
                tooltip(data, series.name() + " \u00B7 " + category + ": " + valueText(point, options));
                markRow(data, point);
                if (options.bool("showDataLabels")) {
                    dataLabel(data, valueText(point, options));
                }
                drawn.getData().add(data);
            }
            add(chart, drawn);
        }
        if (shaped.series().size() > 1 && !stacked && chart instanceof BarChart<?, ?> grouped) {
            grouped.setBarGap(1);
        }
        return chart;
    }

    /**
     * The axis's categories in this order, also once it ranges itself from the data. Ranging alone would append an x
     * that the first series misses (a gap when missing values are not zeros) after all of that series' x values; it
     * keeps the order of the categories it was given while it did not range itself.
     */
    private static void inOrder(CategoryAxis axis, List<String> order) {
        axis.setAutoRanging(false);
        axis.getCategories().setAll(order);
        axis.setAutoRanging(true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void add(XYChart chart, XYChart.Series series) {
        chart.getData().add(series);
    }

    static List<String> categoryOrder(ShapedChart shaped, ChartOptions options) {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (ChartSeries series : shaped.series()) {
            for (ChartPoint point : series.points()) {
                seen.add(label(point.x(), shaped.xKind(), options));
            }
        }
        return new ArrayList<>(seen);
    }

    // ---- line / area / scatter

    private static Node xy(ShapedChart shaped, ChartOptions options, SeriesType type) {
        XYChart<?, ?> chart = xy(shaped, options, type, ValueAxes.value(options, 0, shaped),
                categoryOrder(shaped, options));
        if (!options.swappedAxes()) {
            NumberAxesZoom.attach(chart, type == SeriesType.SCATTER || type == SeriesType.BUBBLE);
        }
        CategoryAxesZoom.attach(chart);
        return chart;
    }

    /** Lines, areas or dots of {@code shaped} against value axis {@code y}, categories in this order. */
    static XYChart<?, ?> xy(ShapedChart shaped, ChartOptions options, SeriesType type, ValueAxis<Number> y,
                            List<String> order) {
        boolean category = shaped.xKind() == XKind.CATEGORY;
        Axis<?> x;
        if (category) {
            CategoryAxis axis = new CategoryAxis();
            inOrder(axis, order);
            x = axis;
        } else {
            ValueAxis<Number> axis = ValueAxes.x(options, shaped.xKind());
            if (shaped.xKind() == XKind.DATETIME) {
                String pattern = options.dateTimeFormat();
                axis.setTickLabelFormatter(new StringConverter<>() {
                    @Override
                    public String toString(Number millis) {
                        return DateTimeFormat.format(LocalDateTime.ofEpochSecond(millis.longValue() / 1000, 0,
                                ZoneOffset.UTC), pattern);
                    }

                    @Override
                    public Number fromString(String text) {
                        return 0;
                    }
                });
            }
            x = axis;
        }
        ValueAxes.xTitle(x, options);
        boolean stacked = options.stacked();
        boolean swapped = options.swappedAxes();
        SeriesGaps gaps = new SeriesGaps(swapped);
        XYChart<?, ?> chart;
        if (swapped) {
            // Redash's swapped axes: values along the bottom, the x values up the side, each line drawn upwards
            chart = switch (type) {
                case AREA -> new SwappedAreaChart<>(y, cast(x), gaps);
                case SCATTER, BUBBLE -> new ScatterChart<>(y, cast(x));
                default -> new SeriesGaps.Lines<>(y, cast(x), gaps);
            };
            if (chart instanceof LineChart<?, ?> line) {
                line.setAxisSortingPolicy(LineChart.SortingPolicy.Y_AXIS);
            }
            LastTickRoom.keep(chart);
        } else {
            chart = switch (type) {
                case AREA -> stacked ? new StackedAreaChart<>(cast(x), y) : new SeriesGaps.Areas<>(cast(x), y, gaps);
                case SCATTER, BUBBLE -> new ScatterChart<>(cast(x), y);
                default -> new SeriesGaps.Lines<>(cast(x), y, gaps);
            };
        }
        chart.setId("chart-" + type.name().toLowerCase(java.util.Locale.ROOT));
        chart.getStyleClass().add("visualization-chart");
        if (chart instanceof LineChart<?, ?> line && !(chart instanceof SwappedAreaChart<?>)) {
            line.setCreateSymbols(options.bool("showpoints") || largest(shaped) <= 60);
        }
        if (chart instanceof AreaChart<?, ?> area) {
            area.setCreateSymbols(false);
        }
        if (chart instanceof StackedAreaChart<?, ?> area) {
            area.setCreateSymbols(false);
        }
        XyHover hover = XyHover.attach(chart);
        chart.getProperties().put(XyHover.class, hover); // a combo chart's layers share their hovers
        boolean lines = type == SeriesType.LINE || type == SeriesType.AREA;
        Map<Object, Double> bandTops = new java.util.HashMap<>();
        for (ChartSeries series : shaped.series()) {
            XYChart.Series<Object, Object> drawn = new XYChart.Series<>();
            drawn.setName(series.name());
            List<ChartPoint> points = series.points();
            for (int i = 0; i < points.size(); i++) {
                ChartPoint point = points.get(i);
                Object xValue = category ? label(point.x(), shaped.xKind(), options) : position(point.x());
                if (point.y() == null) {
                    if (lines) {
                        gaps.missing(drawn, xValue); // a gap in the line, not a line across
                    }
                    continue;
                }
                // a swapped area is stacked here (from the shaper's tops and bases), a vertical one by its chart
                double value = stacked && type == SeriesType.AREA && !swapped ? point.y() - point.base() : point.y();
                if (!ValueAxes.placeable(xValue, value, x, y)) {
                    if (lines) {
                        gaps.missing(drawn, xValue); // not placeable is not there: no line across it either
                    }
                    continue; // zero or below on a logarithmic axis: the chart's notes count it
                }
                XYChart.Data<Object, Object> data = swapped ? new XYChart.Data<>(value, xValue)
                        : new XYChart.Data<>(xValue, value);
                if (swapped && type == SeriesType.AREA) {
                    data.setExtraValue(stacked ? point.base() : 0.0);
                }
                // a stacked area's point is the top of its band: on swapped axes the shaper's top, else the sum of
                // the areas drawn up to it (in a combo chart bars stack apart, on their own layer)
                double top = value;
                if (stacked && type == SeriesType.AREA) {
                    top = swapped ? point.y() : bandTops.merge(xValue, value, Double::sum);
                }
                String text = series.name() + " \u00B7 " + label(point.x(), shaped.xKind(), options) + ": "
                        + valueText(point, options);
                if (point.value() == null) {
                    // a stacked area's missing value, drawn as 0: nothing to tell
                } else if (swapped) {
                    hover.add(top, xValue, text);
                } else {
                    hover.add(xValue, top, text);
                }
                if (type == SeriesType.BUBBLE && point.size() != null) {
                    bubble(data, bubbleDiameter(point.size(), options));
                }
                markRow(data, point);
                if (lines && alone(points, i)) {
                    SeriesGaps.showAlone(chart, data);
                }
                drawn.getData().add(data);
            }
            add(chart, drawn);
            if (series.comparison()) {
                // the previous period: dashed, so it reads as the reference line
                drawn.nodeProperty().addListener((obs, old, node) -> dashed(node));
                dashed(drawn.getNode());
            }
        }
        return chart;
    }

    /**
     * A bubble's diameter in pixels, as Redash's plotly draws it: the size column's value times
     * {@code coefficient}, the value being the diameter ({@code sizemode: diameter}, the default) or the area
     * ({@code area}: the diameter is its square root).
     */
    static double bubbleDiameter(double size, ChartOptions options) {
        double scaled = Math.max(0, size) * options.number("coefficient", 1);
        return "area".equals(options.string("sizemode")) ? Math.sqrt(scaled) : scaled;
    }

    /** A scatter's symbol drawn as a bubble of this diameter, in its series' colour seen through. */
    private static void bubble(XYChart.Data<?, ?> data, double diameter) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                double radius = Math.max(2, diameter / 2);
                node.getStyleClass().add("chart-bubble-point");
                node.setStyle(String.format(java.util.Locale.ROOT, "-fx-padding: %.1fpx; -fx-background-radius: %.1fpx;"
                        + " -fx-background-insets: 0; -fx-opacity: 0.7;", radius, radius));
            }
        });
    }

    /** True when the point has gaps on both sides (or a gap on one and the end of its series on the other). */
    private static boolean alone(List<ChartPoint> points, int i) {
        boolean gapBefore = i > 0 && points.get(i - 1).y() == null;
        boolean gapAfter = i < points.size() - 1 && points.get(i + 1).y() == null;
        return (gapBefore || i == 0) && (gapAfter || i == points.size() - 1) && (gapBefore || gapAfter);
    }

    private static void dashed(Node node) {
        if (node != null) {
            node.setStyle("-fx-stroke-dash-array: 6 4; -fx-opacity: 0.8;");
            if (node instanceof javafx.scene.Parent group) {
                group.getChildrenUnmodifiable().forEach(child -> child.setStyle("-fx-stroke-dash-array: 6 4;"));
            }
        }
    }

    private static int largest(ShapedChart shaped) {
        return shaped.series().stream().mapToInt(s -> s.points().size()).max().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> Axis<T> cast(Axis<?> axis) {
        return (Axis<T>) axis;
    }

    private static double position(Object x) {
        if (x instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return x instanceof Number n ? n.doubleValue() : 0;
    }

    // ---- shared

    static String label(Object x, XKind kind, ChartOptions options) {
        if (x instanceof LocalDateTime t) {
            return DateTimeFormat.format(t, options.dateTimeFormat());
        }
        if (x instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return String.valueOf(x);
    }

    private static String valueText(ChartPoint point, ChartOptions options) {
        if (point.value() == null) {
            return "";
        }
        String value = NumberFormat.format(point.value(), options.numberFormat());
        if (options.stacked() && options.percentValues()) {
            value += " (" + NumberFormat.format(point.y() - point.base(), options.percentFormat()) + ")";
        }
        return value;
    }

    /** The value written on its bar (Redash's data labels), inside the bar's top. */
    private static void dataLabel(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node instanceof javafx.scene.layout.StackPane bar) {
                Label label = new Label(text);
                label.getStyleClass().add("chart-data-label");
                label.setStyle("-fx-text-fill: white; -fx-font-size: 11px;");
                label.setMinSize(0, 0);
                javafx.scene.layout.StackPane.setAlignment(label, javafx.geometry.Pos.TOP_CENTER);
                bar.getChildren().add(label);
            }
        });
    }

    /** A click on the point's node (bar or symbol) is about the result row it was drawn from. */
    private static void markRow(XYChart.Data<?, ?> data, ChartPoint point) {
        data.nodeProperty().addListener((obs, old, node) -> ClickedRow.mark(node, point.row()));
    }

    private static void tooltip(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }
}
