package io.sightline.desktop.alert;

import io.sightline.common.alert.AlertCondition;
import io.sightline.common.api.execution.Column;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.AlertDetail;
import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.ResultPage;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A new alert on a saved query, or an existing alert: column, condition, threshold, selector, rearm, the
 * notification's subject and body, and a preview of the value and the state the alert would have against the
 * query's latest result (by common's rules, which the server applies).
 */
public final class AlertEditorViewModel {

    public static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "==", "!=");
    public static final List<String> SELECTORS = List.of("first", "min", "max");
    static final int PREVIEW_ROWS = 10_000;

    private final AlertsClient alerts;
    private final QueriesClient queries;
    private final RunsClient runs;
    private final BackgroundTasks tasks;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty op = new SimpleStringProperty(">");
    private final StringProperty threshold = new SimpleStringProperty("");
    private final StringProperty selector = new SimpleStringProperty("first");
    private final StringProperty rearm = new SimpleStringProperty("");
    private final StringProperty customSubject = new SimpleStringProperty("");
    private final StringProperty customBody = new SimpleStringProperty("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewValue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private ResultPage latest;
    private long queryId;
    /** The alert being edited; null until a new one is first saved. */
    private Long alertId;
    /** The options the form was filled from, to tell what the user changed. */
    private Map<String, Object> loadedOptions = Map.of();
    private Consumer<AlertSummary> whenSaved = saved -> { };

    /** A new alert on saved query {@code queryId}. */
    public AlertEditorViewModel(SightlineClient client, BackgroundTasks tasks, long queryId) {
        this(client, tasks, queryId, null);
    }

    private AlertEditorViewModel(SightlineClient client, BackgroundTasks tasks, long queryId, Long alertId) {
        this.alerts = new AlertsClient(client);
        this.queries = new QueriesClient(client);
        this.runs = new RunsClient(client);
        this.tasks = tasks;
        this.queryId = queryId;
        this.alertId = alertId;
        for (StringProperty input : List.of(column, op, threshold, selector)) {
            input.addListener((obs, old, now) -> preview());
        }
    }

    /** The existing alert {@code alertId}, its form filled by {@link #load()}. */
    public static AlertEditorViewModel existing(SightlineClient client, BackgroundTasks tasks, long alertId) {
        return new AlertEditorViewModel(client, tasks, 0, alertId);
    }

    private record Loaded(AlertDetail alert, Query query, ResultPage result) {
    }

    /** Reads the alert (when editing one), its query and the query's latest result (columns and preview rows). */
    public void load() {
        Long editing = alertId;
        long ofQuery = queryId;
        tasks.run(editing == null ? "Loading the query's latest result" : "Loading the alert", () -> {
            AlertDetail alert = editing == null ? null : alerts.alert(editing);
            Query query = queries.query(alert == null ? ofQuery : alert.queryId());
            ResultPage result = query.latestQueryDataId() == null ? null
                    : runs.resultPage(query.latestQueryDataId(), 0, PREVIEW_ROWS);
            return new Loaded(alert, query, result);
        }, loaded -> {
            if (loaded.alert() != null) {
                fill(loaded.alert());
            }
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

    private void fill(AlertDetail alert) {
        queryId = alert.queryId();
        loadedOptions = alert.options();
        name.set(alert.name());
        column.set(EditedOptions.text(loadedOptions, "column"));
        op.set(loadedOptions.get("op") instanceof String text ? text : ">");
        threshold.set(thresholdText(loadedOptions.get("value")));
        selector.set(loadedOptions.get("selector") instanceof String text ? text : "first");
        rearm.set(alert.rearm() == null ? "" : alert.rearm().toString());
        customSubject.set(EditedOptions.text(loadedOptions, EditedOptions.SUBJECT));
        customBody.set(EditedOptions.text(loadedOptions, EditedOptions.BODY));
    }

    private static String thresholdText(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? "" : value.toString();
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

    /**
     * Saves the alert (creates it, or updates the one being edited); {@code onSaved} gets it. A field that is not
     * right is said in the message and nothing is sent; a refusal of the server is said there too, the form kept.
     */
    public void save(Consumer<AlertSummary> onSaved) {
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
        EditedOptions edited = new EditedOptions(column.get(), op.get(), thresholdValue(), selector.get(),
                customSubject.get(), customBody.get());
        Integer rearmSeconds = seconds;
        String chosenName = name.get().strip();
        Long editing = alertId;
        Map<String, Object> loaded = loadedOptions;
        long ofQuery = queryId;
        tasks.run("Saving the alert", () -> {
            if (editing == null) {
                Map<String, Object> options = edited.over(Map.of(), Map.of());
                AlertSummary created = alerts.createAlert(chosenName, ofQuery, options, rearmSeconds);
                return alerts.alert(created.id());
            }
            // what the server keeps now, so that a mute from the list meanwhile is not undone
            Map<String, Object> stored = alerts.alert(editing).options();
            return alerts.update(editing, chosenName, edited.over(stored, loaded), rearmSeconds);
        }, saved -> {
            alertId = saved.id();
            loadedOptions = saved.options();
            message.set("Saved \"" + saved.name() + "\"");
            onSaved.accept(saved.summary());
            whenSaved.accept(saved.summary());
        }, message::set);
    }

    /** Also tells {@code listener} of every save (the alerts list refreshes). */
    public void whenSaved(Consumer<AlertSummary> listener) {
        this.whenSaved = listener;
    }

    /** Whether the editor shows an alert that exists on the server (not a new one not saved yet). */
    public boolean editsExisting() {
        return alertId != null;
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

    public StringProperty customSubjectProperty() {
        return customSubject;
    }

    public StringProperty customBodyProperty() {
        return customBody;
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
