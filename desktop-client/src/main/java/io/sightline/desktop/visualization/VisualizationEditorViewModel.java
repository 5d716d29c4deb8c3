package io.sightline.desktop.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.OptionProblem;
import io.sightline.common.visualization.OptionsValidator;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New visualization" / edit form: what the user picks, the options it writes (the saved options with only
 * the keys the form owns replaced, so keys it does not know survive), a live preview of them, the warnings of the
 * option model, and saving. Saving an edit first checks that nobody saved the visualization since it was opened
 * (the server keeps no version number for visualizations: the check compares {@code updated_at}), and reports a
 * conflict instead of overwriting, as a query's save does on a 409.
 */
public final class VisualizationEditorViewModel {

    public static final List<String> TYPES = List.of("CHART", "COUNTER", "TABLE", "PIVOT", "DETAILS", "FUNNEL",
            "COHORT");
    public static final List<String> CHART_TYPES = List.of("column", "line", "area", "pie", "scatter", "box",
            "heatmap");
    /** Heatmap colours: {@code heatMinColor} to {@code heatMaxColor}. */
    public static final String CUSTOM_SCHEME = "Custom...";
    /** Redash's heatmap colour choices besides its default (no {@code colorScheme}): plotly's scales, or custom. */
    public static final List<String> COLOR_SCHEMES = java.util.stream.Stream.concat(
            io.sightline.common.visualization.HeatmapSchemes.NAMES.stream(), java.util.stream.Stream.of(CUSTOM_SCHEME))
            .toList();
    /** Stacking choices: none, stacked, stacked as percent of the total. */
    public static final List<String> STACKINGS = List.of("none", "stack", "percent");
    public static final List<String> AGGREGATORS = List.of("Sum", "Count", "Average", "Minimum", "Maximum",
            "Count Unique Values", "Median");

    private final VisualizationsClient client;
    private final BackgroundTasks tasks;
    private final long queryId;
    private final Consumer<Visualization> onSaved;
    private Visualization original;
    private Map<String, Object> base;

    private final StringProperty type = new SimpleStringProperty("CHART");
    private final StringProperty name = new SimpleStringProperty("Chart");
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
    private final StringProperty counterColumn = new SimpleStringProperty();
    private final StringProperty targetColumn = new SimpleStringProperty();
    private final StringProperty prefix = new SimpleStringProperty("");
    private final StringProperty suffix = new SimpleStringProperty("");
    private final StringProperty decimals = new SimpleStringProperty("0");
    private final StringProperty counterLabel = new SimpleStringProperty("");
    private final StringProperty pivotRows = new SimpleStringProperty();
    private final StringProperty pivotCols = new SimpleStringProperty();
    private final StringProperty pivotVals = new SimpleStringProperty();
    private final StringProperty aggregator = new SimpleStringProperty("Sum");
    private final StringProperty zColumn = new SimpleStringProperty();
    private final StringProperty colorScheme = new SimpleStringProperty();
    private final StringProperty heatMinColor = new SimpleStringProperty("#ffffff");
    private final StringProperty heatMaxColor = new SimpleStringProperty("#002fb4");
    private final ObservableList<String> rightAxisSeries = FXCollections.observableArrayList();
    private final ObservableList<String> seriesNames = FXCollections.observableArrayList();
    private final FunnelOptionsViewModel funnel = new FunnelOptionsViewModel();
    private final CohortOptionsViewModel cohort = new CohortOptionsViewModel();

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<String, Object>> preview = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<ResultData> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Visualization> savedVisualization = new ReadOnlyObjectWrapper<>();
    private boolean loading;

    VisualizationEditorViewModel(VisualizationsClient client, BackgroundTasks tasks, long queryId,
                                 Visualization editing, ResultData data, Consumer<Visualization> onSaved) {
        this.client = client;
        this.tasks = tasks;
        this.queryId = queryId;
        this.onSaved = onSaved;
        result.set(data);
        if (data != null) {
            data.columns().stream().map(ResultColumn::name).forEach(columns::add);
        }
        Observable[] inputs = {type, name, chartType, xColumn, yColumns, seriesColumn, stacking, horizontal, legend,
            dataLabels, numberFormat, percentFormat, dateTimeFormat, counterColumn, targetColumn, prefix, suffix,
            decimals, counterLabel, pivotRows, pivotCols, pivotVals, aggregator, zColumn, colorScheme, heatMinColor,
            heatMaxColor, rightAxisSeries};
        List<Observable> all = new ArrayList<>(List.of(inputs));
        all.addAll(funnel.inputs());
        all.addAll(cohort.inputs());
        for (Observable input : all) {
            input.addListener(o -> refresh());
        }
        type.addListener((obs, old, now) -> renameDefault(old, now));
        if (editing != null) {
            load(editing);
        } else {
            base = Map.of();
            guessMapping(data);
        }
        refresh();
    }

    /** A new chart starts as Redash's does: the first column as x, the first numeric other one as y. */
    private void guessMapping(ResultData data) {
        if (data == null || data.columns().isEmpty()) {
            return;
        }
        loading = true;
        ResultColumn first = data.columns().get(0);
        xColumn.set(first.name());
        data.columns().stream().skip(1).filter(ResultColumn::numeric).findFirst()
                .ifPresent(y -> yColumns.setAll(y.name()));
        counterColumn.set(data.columns().stream().filter(ResultColumn::numeric).map(ResultColumn::name)
                .findFirst().orElse(first.name()));
        pivotRows.set(first.name());
        pivotVals.set(yColumns.isEmpty() ? null : yColumns.get(0));
        funnel.guess(first.name(), yColumns.isEmpty() ? null : yColumns.get(0));
        loading = false;
    }

    /** A name still the default of the type left (Chart, Funnel…) follows the type chosen, as in Redash. */
    private void renameDefault(String old, String now) {
        if (old != null && now != null && defaultName(old).equals(name.get())) {
            name.set(defaultName(now));
        }
    }

    private static String defaultName(String type) {
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    @SuppressWarnings("unchecked")
    private void load(Visualization v) {
        loading = true;
        original = v;
        base = v.options() == null ? Map.of() : v.options();
        type.set(v.type());
        name.set(v.name());
        Object mapping = base.get("columnMapping");
        if (mapping instanceof Map<?, ?> m) {
            yColumns.clear();
            m.forEach((column, role) -> {
                switch (String.valueOf(role)) {
                    case "x" -> xColumn.set((String) column);
                    case "y" -> yColumns.add((String) column);
                    case "series" -> seriesColumn.set((String) column);
                    case "zVal" -> zColumn.set((String) column);
                    default -> { }
                }
            });
        }
        chartType.set(text(base.get("globalSeriesType"), "column"));
        Object series = base.get("series");
        if (series instanceof Map<?, ?> s) {
            Object stack = s.get("stacking");
            boolean percent = Boolean.TRUE.equals(s.get("percentValues")) || "percent".equals(stack);
            stacking.set(stack == null ? "none" : percent ? "percent" : "stack");
        }
        horizontal.set(Boolean.TRUE.equals(base.get("swappedAxes")));
        if (base.get("legend") instanceof Map<?, ?> l && l.get("enabled") instanceof Boolean b) {
            legend.set(b);
        }
        dataLabels.set(Boolean.TRUE.equals(base.get("showDataLabels")));
        numberFormat.set(text(base.get("numberFormat"), numberFormat.get()));
        percentFormat.set(text(base.get("percentFormat"), percentFormat.get()));
        dateTimeFormat.set(text(base.get("dateTimeFormat"), dateTimeFormat.get()));
        counterColumn.set(text(base.get("counterColName"), null));
        targetColumn.set(text(base.get("targetColName"), null));
        prefix.set(text(base.get("stringPrefix"), ""));
        suffix.set(text(base.get("stringSuffix"), ""));
        decimals.set(text(base.get("stringDecimal"), "0"));
        counterLabel.set(text(base.get("counterLabel"), ""));
        pivotRows.set(first(base.get("rows")));
        pivotCols.set(first(base.get("cols")));
        pivotVals.set(first(base.get("vals")));
        aggregator.set(text(base.get("aggregatorName"), "Count"));
        colorScheme.set(text(base.get("colorScheme"), null));
        heatMinColor.set(text(base.get("heatMinColor"), heatMinColor.get()));
        heatMaxColor.set(text(base.get("heatMaxColor"), heatMaxColor.get()));
        nested(base.get("seriesOptions")).forEach((seriesName, own) -> {
            if (own instanceof Map<?, ?> o && o.get("yAxis") instanceof Number axis && axis.intValue() == 1) {
                rightAxisSeries.add(seriesName);
            }
        });
        if ("FUNNEL".equals(v.type())) {
            funnel.load(base);
        }
        if ("COHORT".equals(v.type())) {
            cohort.load(base);
        }
        loading = false;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static String first(Object list) {
        return list instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : null;
    }

    private void refresh() {
        if (loading) {
            return;
        }
        List<String> names = currentSeriesNames();
        if (!names.equals(seriesNames)) {
            seriesNames.setAll(names);
        }
        Map<String, Object> options = options();
        preview.set(options);
        List<String> found = new ArrayList<>();
        for (OptionProblem problem : OptionsValidator.validate(type.get(), options,
                result.get() == null ? null : new LinkedHashSet<>(columns))) {
            found.add(problem.toString());
        }
        if ("CHART".equals(type.get()) && (xColumn.get() == null || yColumns.isEmpty())) {
            found.add("Choose an X column and at least one Y column.");
        }
        if ("CHART".equals(type.get()) && "heatmap".equals(chartType.get()) && blank(zColumn.get())) {
            found.add("Choose the Color column (zVal) of the heatmap.");
        }
        if ("FUNNEL".equals(type.get())) {
            found.addAll(funnel.problems());
        }
        if ("COHORT".equals(type.get())) {
            found.addAll(cohort.problems());
        }
        warnings.setAll(found);
    }

    /** The options to save: the saved ones with the keys of the current type that this form sets replaced. */
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>(base);
        switch (type.get() == null ? "" : type.get()) {
            case "CHART" -> {
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
                    putOrRemove(out, "colorScheme", colorScheme.get());
                    if (CUSTOM_SCHEME.equals(colorScheme.get())) {
                        out.put("heatMinColor", heatMinColor.get());
                        out.put("heatMaxColor", heatMaxColor.get());
                    }
                }
                if (secondAxisOffered()) {
                    writeAxes(out);
                } else if (horizontal.get() && !nested(base.get("seriesOptions")).isEmpty()) {
                    // as Redash's swap of the axes: every series moves to the one value axis
                    Map<String, Object> all = new LinkedHashMap<>();
                    nested(base.get("seriesOptions")).forEach((series, own) -> {
                        Map<String, Object> moved = new LinkedHashMap<>(nested(own));
                        moved.put("yAxis", 0);
                        all.put(series, moved);
                    });
                    out.put("seriesOptions", all);
                }
                Map<String, Object> series = new LinkedHashMap<>(nested(base.get("series")));
                series.put("stacking", "none".equals(stacking.get()) ? null : "stack");
                series.put("percentValues", "percent".equals(stacking.get()));
                out.put("series", series);
                out.put("swappedAxes", horizontal.get());
                Map<String, Object> legendOptions = new LinkedHashMap<>(nested(base.get("legend")));
                legendOptions.put("enabled", legend.get());
                out.put("legend", legendOptions);
                out.put("showDataLabels", dataLabels.get());
                out.put("numberFormat", numberFormat.get());
                out.put("percentFormat", percentFormat.get());
                out.put("dateTimeFormat", dateTimeFormat.get());
            }
            case "COUNTER" -> {
                out.put("counterColName", counterColumn.get());
                putOrRemove(out, "targetColName", targetColumn.get());
                out.put("stringPrefix", prefix.get());
                out.put("stringSuffix", suffix.get());
                out.put("stringDecimal", parseDecimals(decimals.get()));
                out.put("counterLabel", counterLabel.get());
            }
            case "PIVOT" -> {
                out.put("rows", pivotRows.get() == null ? List.of() : List.of(pivotRows.get()));
                out.put("cols", pivotCols.get() == null || pivotCols.get().isBlank() ? List.of()
                        : List.of(pivotCols.get()));
                out.put("vals", pivotVals.get() == null ? List.of() : List.of(pivotVals.get()));
                out.put("aggregatorName", aggregator.get());
            }
            case "FUNNEL" -> {
                return funnel.write(base);
            }
            case "COHORT" -> {
                return cohort.write(base);
            }
            default -> { }
        }
        return out;
    }

    /** Redash offers the left/right choice except for pies, heatmaps and horizontal bars. */
    public boolean secondAxisOffered() {
        return !List.of("pie", "heatmap").contains(chartType.get()) && !horizontal.get();
    }

    /**
     * {@code seriesOptions[name].yAxis}: 1 for the series on the right axis; 0 for the others that have options
     * already (a series never moved gets no entry, as in Redash).
     */
    private void writeAxes(Map<String, Object> out) {
        Map<String, Object> all = new LinkedHashMap<>(nested(base.get("seriesOptions")));
        for (String series : seriesNames) {
            boolean right = rightAxisSeries.contains(series);
            if (right || all.containsKey(series)) {
                Map<String, Object> own = new LinkedHashMap<>(nested(all.get(series)));
                own.put("yAxis", right ? 1 : 0);
                all.put(series, own);
            }
        }
        if (!all.isEmpty() || base.containsKey("seriesOptions")) {
            out.put("seriesOptions", all);
        }
    }

    /** The chart's series as Redash names them: the series column's values, else the Y columns. */
    private List<String> currentSeriesNames() {
        ResultData data = result.get();
        if (data == null || !"CHART".equals(type.get())) {
            return List.of();
        }
        if (!blank(seriesColumn.get()) && data.column(seriesColumn.get()) != null) {
            return List.copyOf(new LinkedHashSet<>(data.rows().stream()
                    .map(r -> String.valueOf(r.get(seriesColumn.get()))).toList()));
        }
        return columns.stream().filter(yColumns::contains).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int parseDecimals(String text) {
        try {
            return Math.max(0, Math.min(20, Integer.parseInt(text == null ? "0" : text.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void putOrRemove(Map<String, Object> out, String key, String value) {
        if (value == null || value.isBlank()) {
            out.remove(key);
        } else {
            out.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Saves (creates, or updates after checking nobody else saved since); {@code onDone} runs once saved. */
    public void save(Runnable onDone) {
        save(false, onDone);
    }

    /** Saves over a newer version someone else saved (after a conflict). */
    public void overwrite(Runnable onDone) {
        save(true, onDone);
    }

    private void save(boolean force, Runnable onDone) {
        if (name.get() == null || name.get().isBlank()) {
            message.set("Give the visualization a name.");
            return;
        }
        VisualizationsClient.Draft draft = new VisualizationsClient.Draft(type.get(), name.get().strip(),
                original == null ? "" : original.description(), options());
        Visualization editing = original;
        saving.set(true);
        message.set("");
        tasks.run("Saving the visualization", () -> {
            if (editing == null) {
                return client.create(queryId, draft);
            }
            if (!force && stale(editing)) {
                return null;
            }
            return client.update(editing.id(), draft);
        }, saved -> {
            saving.set(false);
            if (saved == null) {
                conflict.set(true);
                message.set("Someone else saved this visualization after you opened it: overwrite theirs, or"
                        + " close the editor and open it again.");
                return;
            }
            conflict.set(false);
            original = saved;
            base = saved.options() == null ? Map.of() : saved.options();
            onSaved.accept(saved);
            savedVisualization.set(saved);
            message.set("Saved.");
            onDone.run();
        }, failure -> {
            saving.set(false);
            message.set(failure);
        });
    }

    /** True when the server's copy changed (or went away) since this editor read it. */
    private boolean stale(Visualization editing) {
        Visualization now = client.ofQuery(queryId).stream().filter(v -> v.id() == editing.id()).findFirst()
                .orElse(null);
        if (now == null) {
            return true;
        }
        OffsetDateTime theirs = now.updatedAt();
        OffsetDateTime mine = editing.updatedAt();
        return !Objects.equals(theirs == null ? null : theirs.toInstant(), mine == null ? null : mine.toInstant());
    }

    public boolean isNew() {
        return original == null;
    }

    public StringProperty typeProperty() { return type; }
    public StringProperty nameProperty() { return name; }
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
    public StringProperty counterColumnProperty() { return counterColumn; }
    public StringProperty targetColumnProperty() { return targetColumn; }
    public StringProperty prefixProperty() { return prefix; }
    public StringProperty suffixProperty() { return suffix; }
    public StringProperty decimalsProperty() { return decimals; }
    public StringProperty counterLabelProperty() { return counterLabel; }
    public StringProperty pivotRowsProperty() { return pivotRows; }
    public StringProperty pivotColsProperty() { return pivotCols; }
    public StringProperty pivotValsProperty() { return pivotVals; }
    public StringProperty aggregatorProperty() { return aggregator; }
    public StringProperty zColumnProperty() { return zColumn; }
    public StringProperty colorSchemeProperty() { return colorScheme; }
    public StringProperty heatMinColorProperty() { return heatMinColor; }
    public StringProperty heatMaxColorProperty() { return heatMaxColor; }
    /** The series drawn against the right Y axis ({@code seriesOptions[name].yAxis = 1}). */
    public ObservableList<String> rightAxisSeries() { return rightAxisSeries; }
    /** The chart's series names with the current mapping, for the per-series axis choice. */
    public ObservableList<String> chartSeries() { return seriesNames; }
    public FunnelOptionsViewModel funnel() { return funnel; }
    public CohortOptionsViewModel cohort() { return cohort; }
    public ObservableList<String> columns() { return columns; }
    public ObservableList<String> warnings() { return warnings; }
    public ReadOnlyObjectProperty<Map<String, Object>> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ResultData> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty conflictProperty() { return conflict.getReadOnlyProperty(); }
    /** The visualization as last saved by this editor (null until then). */
    public ReadOnlyObjectProperty<Visualization> savedProperty() { return savedVisualization.getReadOnlyProperty(); }
}
