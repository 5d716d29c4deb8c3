package io.sightline.desktop.alert;

import io.sightline.common.alert.AlertCondition;
import io.sightline.common.api.execution.Column;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.ResultPage;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A new alert on a saved query: column, condition, threshold, selector, rearm, and a preview of the value and the
 * state the alert would have against the query's latest result (by common's rules, which the server applies).
 */
public final class AlertEditorViewModel {

    public static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "==", "!=");
    public static final List<String> SELECTORS = List.of("first", "min", "max");
    static final int PREVIEW_ROWS = 10_000;

    private final SightlineClient client;
    private final BackgroundTasks tasks;
    private final long queryId;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty op = new SimpleStringProperty(">");
    private final StringProperty threshold = new SimpleStringProperty("");
    private final StringProperty selector = new SimpleStringProperty("first");
    private final StringProperty rearm = new SimpleStringProperty("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewValue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private ResultPage latest;

    public AlertEditorViewModel(SightlineClient client, BackgroundTasks tasks, long queryId) {
        this.client = client;
        this.tasks = tasks;
        this.queryId = queryId;
        for (StringProperty input : List.of(column, op, threshold, selector)) {
            input.addListener((obs, old, now) -> preview());
        }
    }

    private record Loaded(Query query, ResultPage result) {
    }

    /** Reads the query and its latest result (the columns to choose from and the preview's rows). */
    public void load() {
        tasks.run("Loading the query's latest result", () -> {
            Query query = client.query(queryId);
            ResultPage result = query.latestQueryDataId() == null ? null
                    : client.resultPage(query.latestQueryDataId(), 0, PREVIEW_ROWS);
            return new Loaded(query, result);
        }, loaded -> {
            latest = loaded.result();
            if (name.get().isBlank()) {
                name.set(loaded.query().name() + " alert");
            }
            columns.setAll(latest == null ? List.of() : latest.columns().stream().map(Column::name).toList());
            if (column.get().isBlank() && !columns.isEmpty()) {
                column.set(columns.get(0));
            }
            message.set(latest == null ? "The query has not been run yet: run it for a preview" : "");
            preview();
        }, message::set);
    }

    private void preview() {
        if (latest == null || column.get().isBlank() || threshold.get().isBlank()) {
            previewValue.set("");
            previewState.set(latest == null ? "" : AlertCondition.UNKNOWN);
            return;
        }
        var evaluation = AlertCondition.evaluate(column.get(), op.get(), thresholdValue(), selector.get(),
                latest.columns().stream().map(Column::name).toList(), latest.rows());
        previewValue.set(evaluation.value() == null ? "" : String.valueOf(evaluation.value()));
        previewState.set(evaluation.state());
    }

    /** A number when the text is one, else the text: as Redash keeps {@code options.value}. */
    private Object thresholdValue() {
        String text = threshold.get().strip();
        Double number = AlertCondition.number(text);
        if (number == null) {
            return text;
        }
        return number == Math.rint(number) && !number.isInfinite() && Math.abs(number) < 1e15
                ? (Object) number.longValue() : number;
    }

    /** Saves the alert; {@code onSaved} gets it. A field that is not right is said in the message, nothing is sent. */
    public void save(java.util.function.Consumer<AlertSummary> onSaved) {
        if (name.get().isBlank() || column.get().isBlank() || threshold.get().isBlank()) {
            message.set("Name, column and threshold are needed");
            return;
        }
        Integer seconds = null;
        if (!rearm.get().isBlank()) {
            try {
                seconds = Integer.parseInt(rearm.get().strip());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 0) {
                message.set("Rearm is a whole number of seconds");
                return;
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("column", column.get());
        options.put("op", op.get());
        options.put("value", thresholdValue());
        options.put("selector", selector.get());
        Integer rearmSeconds = seconds;
        tasks.run("Saving the alert", () -> client.createAlert(name.get().strip(), queryId, options, rearmSeconds),
                saved -> {
                    message.set("Saved \"" + saved.name() + "\"");
                    onSaved.accept(saved);
                }, message::set);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty columnProperty() {
        return column;
    }

    public StringProperty opProperty() {
        return op;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty selectorProperty() {
        return selector;
    }

    public StringProperty rearmProperty() {
        return rearm;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ReadOnlyStringProperty previewValueProperty() {
        return previewValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewStateProperty() {
        return previewState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
