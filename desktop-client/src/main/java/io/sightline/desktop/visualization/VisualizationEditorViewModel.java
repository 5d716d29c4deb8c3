package io.sightline.desktop.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.OptionProblem;
import io.sightline.common.visualization.OptionsValidator;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.flow.SankeyGraph;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New visualization" / edit form: what the user picks, the options it writes (the saved options with only
 * the keys the form owns replaced, so keys it does not know survive), a live preview of them, the warnings of the
 * option model, and saving. Saving an edit sends the {@code updated_at} it was opened at: when someone saved the
 * visualization since, the server answers 409 and the editor reports a conflict instead of overwriting, as a
 * query's save does.
 */
public final class VisualizationEditorViewModel {

    public static final List<String> TYPES = List.of("CHART", "COUNTER", "TABLE", "PIVOT", "DETAILS", "FUNNEL",
            "COHORT", "SANKEY", "SUNBURST_SEQUENCE", "WORD_CLOUD", "CHOROPLETH", "MAP");
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
    private final ChartOptionsViewModel chart = new ChartOptionsViewModel();
    private final FunnelOptionsViewModel funnel = new FunnelOptionsViewModel();
    private final CohortOptionsViewModel cohort = new CohortOptionsViewModel();
    private final WordCloudOptionsViewModel wordCloud = new WordCloudOptionsViewModel();
    private final ChoroplethOptionsViewModel choropleth = new ChoroplethOptionsViewModel();
    private final MapOptionsViewModel map = new MapOptionsViewModel();
    private final TableOptionsViewModel table = new TableOptionsViewModel();

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
            map.columns(data.columns());
        }
        Observable[] inputs = {type, name, counterColumn, targetColumn, prefix, suffix, decimals, counterLabel,
            pivotRows, pivotCols, pivotVals, aggregator};
        List<Observable> all = new ArrayList<>(List.of(inputs));
        all.addAll(chart.inputs());
        all.addAll(funnel.inputs());
        all.addAll(cohort.inputs());
        all.addAll(wordCloud.inputs());
        all.addAll(choropleth.inputs());
        all.addAll(map.inputs());
        all.addAll(table.inputs());
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
        String firstNumeric = data.columns().stream().skip(1).filter(ResultColumn::numeric).map(ResultColumn::name)
                .findFirst().orElse(null);
        chart.guess(first.name(), firstNumeric);
        counterColumn.set(data.columns().stream().filter(ResultColumn::numeric).map(ResultColumn::name)
                .findFirst().orElse(first.name()));
        pivotRows.set(first.name());
        pivotVals.set(firstNumeric);
        funnel.guess(first.name(), firstNumeric);
        String firstText = data.columns().stream().filter(c -> !c.numeric()).map(ResultColumn::name).findFirst()
                .orElse(first.name());
        wordCloud.guess(firstText);
        choropleth.guess(firstText, data.columns().stream().filter(ResultColumn::numeric).map(ResultColumn::name)
                .findFirst().orElse(null));
        map.guess(data.columns().stream().map(ResultColumn::name).toList());
        table.load(Map.of(), data.columns(), CurrentFormats.get());
        loading = false;
    }

    /** A name still the default of the type left (Chart, Funnel…) follows the type chosen, as in Redash. */
    private void renameDefault(String old, String now) {
        if (old != null && now != null && defaultName(old).equals(name.get())) {
            name.set(defaultName(now));
        }
    }

    private static String defaultName(String type) {
        String lower = type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    @SuppressWarnings("unchecked")
    private void load(Visualization v) {
        loading = true;
        original = v;
        base = v.options() == null ? Map.of() : v.options();
        type.set(v.type());
        name.set(v.name());
        chart.load(base);
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
        if ("FUNNEL".equals(v.type())) {
            funnel.load(base);
        }
        if ("COHORT".equals(v.type())) {
            cohort.load(base);
        }
        if ("WORD_CLOUD".equals(v.type())) {
            wordCloud.load(base);
        }
        if ("CHOROPLETH".equals(v.type())) {
            choropleth.load(base);
        }
        if ("MAP".equals(v.type())) {
            map.load(base);
        }
        table.load("TABLE".equals(v.type()) ? base : Map.of(),
                result.get() == null ? List.of() : result.get().columns(), CurrentFormats.get());
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
        chart.followSeries("CHART".equals(type.get()) ? result.get() : null, columns);
        Map<String, Object> options = options();
        preview.set(options);
        List<String> found = new ArrayList<>();
        for (OptionProblem problem : OptionsValidator.validateForResult(type.get(), options,
                result.get() == null ? null : result.get().columns())) {
            found.add(problem.toString());
        }
        if ("CHART".equals(type.get())) {
            found.addAll(chart.problems());
            found.addAll(chart.notes());
        }
        if ("FUNNEL".equals(type.get())) {
            found.addAll(funnel.problems());
        }
        if ("COHORT".equals(type.get())) {
            found.addAll(cohort.problems());
        }
        if ("WORD_CLOUD".equals(type.get())) {
            found.addAll(wordCloud.problems());
        }
        if ("CHOROPLETH".equals(type.get())) {
            found.addAll(choropleth.problems());
        }
        if ("MAP".equals(type.get())) {
            found.addAll(map.problems());
        }
        if ("TABLE".equals(type.get())) {
            found.addAll(table.problems());
        }
        if ("SANKEY".equals(type.get()) && result.get() != null && SankeyGraph.of(result.get()).problem() != null) {
            found.add(SankeyGraph.of(result.get()).problem());
        }
        warnings.setAll(found);
    }

    /** The options to save: the saved ones with the keys of the current type that this form sets replaced. */
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>(base);
        switch (type.get() == null ? "" : type.get()) {
            case "CHART" -> chart.write(base, out);
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
            case "WORD_CLOUD" -> {
                return wordCloud.write(base);
            }
            case "CHOROPLETH" -> {
                return choropleth.write(base);
            }
            case "MAP" -> {
                return map.write(base);
            }
            case "TABLE" -> {
                return table.write(base);
            }
            default -> { }
        }
        return out;
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
            try {
                return client.update(editing.id(), draft, force ? null : editing.updatedAt());
            } catch (ApiException e) {
                if (e.conflict()) {
                    return null;
                }
                throw e;
            }
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

    public boolean isNew() {
        return original == null;
    }

    public StringProperty typeProperty() { return type; }
    public StringProperty nameProperty() { return name; }
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
    public ChartOptionsViewModel chart() { return chart; }
    public FunnelOptionsViewModel funnel() { return funnel; }
    public CohortOptionsViewModel cohort() { return cohort; }
    public WordCloudOptionsViewModel wordCloud() { return wordCloud; }
    public ChoroplethOptionsViewModel choropleth() { return choropleth; }
    public MapOptionsViewModel map() { return map; }
    public TableOptionsViewModel table() { return table; }
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
