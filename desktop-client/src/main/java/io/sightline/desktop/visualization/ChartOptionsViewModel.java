package io.sightline.desktop.visualization;

import io.sightline.common.visualization.HeatmapSchemes;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chart part of the visualization editor, as Redash's chart editor: the chart type, the column mapping (x, y,
 * series, and a heatmap's colour column {@code zVal}), stacking, horizontal bars, legend, data labels, the formats,
 * the heatmap's colour scheme, the series drawn against the right Y axis, the axes ({@link AxesOptionsViewModel})
 * and the comparison with a previous period ({@link ComparisonOptionsViewModel}).
 * It writes only the keys it owns over the saved options.
 */
public final class ChartOptionsViewModel {

    public static final List<String> CHART_TYPES = List.of("column", "line", "area", "pie", "scatter", "box",
            "heatmap");
    /** Heatmap colours: {@code heatMinColor} to {@code heatMaxColor}. */
    public static final String CUSTOM_SCHEME = "Custom...";
    /** Redash's heatmap colour choices besides its default (no {@code colorScheme}): plotly's scales, or custom. */
    public static final List<String> COLOR_SCHEMES = Stream.concat(HeatmapSchemes.NAMES.stream(),
            Stream.of(CUSTOM_SCHEME)).toList();
    /** Stacking choices: none, stacked, stacked as percent of the total. */
    public static final List<String> STACKINGS = List.of("none", "stack", "percent");

    private final StringProperty chartType = new SimpleStringProperty("column");
    private final StringProperty xColumn = new SimpleStringProperty();
    private final ObservableList<String> yColumns = FXCollections.observableArrayList();
    private final StringProperty seriesColumn = new SimpleStringProperty();
    private final StringProperty stacking = new SimpleStringProperty("none");
    private final BooleanProperty horizontal = new SimpleBooleanProperty();
    private final BooleanProperty legend = new SimpleBooleanProperty(true);
    private final BooleanProperty dataLabels = new SimpleBooleanProperty();
    private final StringProperty numberFormat = new SimpleStringProperty("0,0[.]00000");
    private final StringProperty percentFormat = new SimpleStringProperty("0[.]00%");
    private final StringProperty dateTimeFormat = new SimpleStringProperty("DD/MM/YY HH:mm");
    private final StringProperty zColumn = new SimpleStringProperty();
    private final StringProperty colorScheme = new SimpleStringProperty();
    private final StringProperty heatMinColor = new SimpleStringProperty("#ffffff");
    private final StringProperty heatMaxColor = new SimpleStringProperty("#002fb4");
    private final ObservableList<String> rightAxisSeries = FXCollections.observableArrayList();
    private final ObservableList<String> seriesNames = FXCollections.observableArrayList();
    private final AxesOptionsViewModel axes = new AxesOptionsViewModel();
    private final SeriesOptionsViewModel seriesOptions = new SeriesOptionsViewModel();
    private final ComparisonOptionsViewModel comparison = new ComparisonOptionsViewModel();

    List<Observable> inputs() {
        List<Observable> all = new ArrayList<>(List.of(chartType, xColumn, yColumns, seriesColumn, stacking,
                horizontal, legend, dataLabels, numberFormat, percentFormat, dateTimeFormat, zColumn, colorScheme,
                heatMinColor, heatMaxColor, rightAxisSeries));
        all.addAll(axes.inputs());
        all.addAll(seriesOptions.inputs());
        all.addAll(comparison.inputs());
        return all;
    }

    /** A new chart starts as Redash's does: the first column as x, the first numeric other one as y. */
    void guess(String firstColumn, String firstNumeric) {
        xColumn.set(firstColumn);
        if (firstNumeric != null) {
            yColumns.setAll(firstNumeric);
        }
    }

    void load(Map<String, Object> saved) {
        if (saved.get("columnMapping") instanceof Map<?, ?> mapping) {
            yColumns.clear();
            mapping.forEach((column, role) -> {
                switch (String.valueOf(role)) {
                    case "x" -> xColumn.set((String) column);
                    case "y" -> yColumns.add((String) column);
                    case "series" -> seriesColumn.set((String) column);
                    case "zVal" -> zColumn.set((String) column);
                    default -> { }
                }
            });
        }
        chartType.set(text(saved.get("globalSeriesType"), "column"));
        if (saved.get("series") instanceof Map<?, ?> series) {
            Object stack = series.get("stacking");
            boolean percent = Boolean.TRUE.equals(series.get("percentValues")) || "percent".equals(stack);
            stacking.set(stack == null ? "none" : percent ? "percent" : "stack");
        }
        horizontal.set(Boolean.TRUE.equals(saved.get("swappedAxes")));
        if (saved.get("legend") instanceof Map<?, ?> l && l.get("enabled") instanceof Boolean b) {
            legend.set(b);
        }
        dataLabels.set(Boolean.TRUE.equals(saved.get("showDataLabels")));
        numberFormat.set(text(saved.get("numberFormat"), numberFormat.get()));
        percentFormat.set(text(saved.get("percentFormat"), percentFormat.get()));
        dateTimeFormat.set(text(saved.get("dateTimeFormat"), dateTimeFormat.get()));
        colorScheme.set(text(saved.get("colorScheme"), null));
        heatMinColor.set(text(saved.get("heatMinColor"), heatMinColor.get()));
        heatMaxColor.set(text(saved.get("heatMaxColor"), heatMaxColor.get()));
        nested(saved.get("seriesOptions")).forEach((seriesName, own) -> {
            if (own instanceof Map<?, ?> o && o.get("yAxis") instanceof Number axis && axis.intValue() == 1) {
                rightAxisSeries.add(seriesName);
            }
        });
        axes.load(saved);
        comparison.load(saved);
        seriesOptions.load(saved);
    }

    /** What the form lacks for a chart to be drawn. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (xColumn.get() == null || yColumns.isEmpty()) {
            problems.add("Choose an X column and at least one Y column.");
        }
        if ("heatmap".equals(chartType.get()) && blank(zColumn.get())) {
            problems.add("Choose the Color column (zVal) of the heatmap.");
        }
        problems.addAll(axes.problems());
        return problems;
    }

    /**
     * What the drawing will not show of the series' own types ({@link SeriesOptionsViewModel#note}), and what the
     * form will change on save that the user did not ask for: swapping the axes leaves one value axis
     * (Redash hides its Y axis choice and moves every series to the left axis), so the right axis's series move.
     */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        boolean ownSeries = !List.of("pie", "heatmap", "box").contains(chartType.get());
        String types = ownSeries ? seriesOptions.note(seriesNames, chartType.get(), horizontal.get()) : null;
        if (types != null) {
            notes.add(types);
        }
        if (horizontal.get() && !rightAxisSeries.isEmpty() && !List.of("pie", "heatmap").contains(chartType.get())) {
            notes.add("Swapped axes have one value axis, as in Redash: " + String.join(", ", rightAxisSeries)
                    + (rightAxisSeries.size() == 1 ? " moves" : " move") + " from the right Y axis to it when saved.");
        }
        return notes;
    }

    /** Writes the keys the chart form owns into {@code out}, which holds the saved options ({@code saved}). */
    void write(Map<String, Object> saved, Map<String, Object> out) {
        out.put("globalSeriesType", chartType.get());
        Map<String, Object> mapping = new LinkedHashMap<>();
        if (xColumn.get() != null) {
            mapping.put(xColumn.get(), "x");
        }
        yColumns.forEach(y -> mapping.put(y, "y"));
        boolean heatmap = "heatmap".equals(chartType.get());
        if (!heatmap && !blank(seriesColumn.get())) {
            mapping.put(seriesColumn.get(), "series");
        }
        if (heatmap && !blank(zColumn.get())) {
            mapping.put(zColumn.get(), "zVal");
        }
        out.put("columnMapping", mapping);
        if (heatmap) {
            if (blank(colorScheme.get())) {
                out.remove("colorScheme");
            } else {
                out.put("colorScheme", colorScheme.get());
            }
            if (CUSTOM_SCHEME.equals(colorScheme.get())) {
                out.put("heatMinColor", heatMinColor.get());
                out.put("heatMaxColor", heatMaxColor.get());
            }
        }
        Map<String, Object> all = new LinkedHashMap<>(nested(saved.get("seriesOptions")));
        if (!List.of("pie", "heatmap").contains(chartType.get())) {
            seriesOptions.write(all); // first: a series given its own options gets its axis too, as in Redash
        }
        if (secondAxisOffered()) {
            writeAxes(all);
        } else if (horizontal.get()) {
            // as Redash's swap of the axes: every series moves to the one value axis
            all.replaceAll((series, own) -> {
                Map<String, Object> moved = new LinkedHashMap<>(nested(own));
                moved.put("yAxis", 0);
                return moved;
            });
        }
        if (!all.isEmpty() || saved.containsKey("seriesOptions")) {
            out.put("seriesOptions", all);
        }
        Map<String, Object> series = new LinkedHashMap<>(nested(saved.get("series")));
        series.put("stacking", "none".equals(stacking.get()) ? null : "stack");
        series.put("percentValues", "percent".equals(stacking.get()));
        out.put("series", series);
        out.put("swappedAxes", horizontal.get());
        Map<String, Object> legendOptions = new LinkedHashMap<>(nested(saved.get("legend")));
        legendOptions.put("enabled", legend.get());
        out.put("legend", legendOptions);
        out.put("showDataLabels", dataLabels.get());
        out.put("numberFormat", numberFormat.get());
        out.put("percentFormat", percentFormat.get());
        out.put("dateTimeFormat", dateTimeFormat.get());
        axes.write(saved, out);
        comparison.write(out);
    }

    /** Redash offers the left/right choice except for pies, heatmaps and horizontal bars. */
    public boolean secondAxisOffered() {
        return !List.of("pie", "heatmap").contains(chartType.get()) && !horizontal.get();
    }

    /**
     * {@code seriesOptions[name].yAxis}: 1 for the series on the right axis; 0 for the others that have options
     * already (a series never moved gets no entry, as in Redash).
     */
    private void writeAxes(Map<String, Object> all) {
        for (String series : seriesNames) {
            boolean right = rightAxisSeries.contains(series);
            if (right || all.containsKey(series)) {
                Map<String, Object> own = new LinkedHashMap<>(nested(all.get(series)));
                own.put("yAxis", right ? 1 : 0);
                all.put(series, own);
            }
        }
    }

    /**
     * Follows the chart's series as Redash names them: the series column's values, else the Y columns (in the
     * result's order); none without a result.
     */
    void followSeries(ResultData data, List<String> columns) {
        List<String> names;
        if (data == null) {
            names = List.of();
        } else if (!blank(seriesColumn.get()) && data.column(seriesColumn.get()) != null) {
            names = List.copyOf(new LinkedHashSet<>(data.rows().stream()
                    .map(r -> String.valueOf(r.get(seriesColumn.get()))).toList()));
        } else {
            names = columns.stream().filter(yColumns::contains).toList();
        }
        if (!names.equals(seriesNames)) {
            seriesNames.setAll(names);
        }
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The X and Y axes' scales, titles and ranges. */
    public AxesOptionsViewModel axes() { return axes; }
    public ComparisonOptionsViewModel comparison() { return comparison; }
    /** Each series' own type and colour. */
    public SeriesOptionsViewModel seriesOptions() { return seriesOptions; }
    public StringProperty chartTypeProperty() { return chartType; }
    public StringProperty xColumnProperty() { return xColumn; }
    public ObservableList<String> yColumns() { return yColumns; }
    public StringProperty seriesColumnProperty() { return seriesColumn; }
    public StringProperty stackingProperty() { return stacking; }
    public BooleanProperty horizontalProperty() { return horizontal; }
    public BooleanProperty legendProperty() { return legend; }
    public BooleanProperty dataLabelsProperty() { return dataLabels; }
    public StringProperty numberFormatProperty() { return numberFormat; }
    public StringProperty percentFormatProperty() { return percentFormat; }
    public StringProperty dateTimeFormatProperty() { return dateTimeFormat; }
    public StringProperty zColumnProperty() { return zColumn; }
    public StringProperty colorSchemeProperty() { return colorScheme; }
    public StringProperty heatMinColorProperty() { return heatMinColor; }
    public StringProperty heatMaxColorProperty() { return heatMaxColor; }
    /** The series drawn against the right Y axis ({@code seriesOptions[name].yAxis = 1}). */
    public ObservableList<String> rightAxisSeries() { return rightAxisSeries; }
    /** The chart's series names with the current mapping, for the per-series axis choice. */
    public ObservableList<String> chartSeries() { return seriesNames; }
}
