package io.sightline.desktop.editor;

import io.sightline.common.api.query.Query;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.SnippetsClient;
import io.sightline.desktop.parameters.ParametersViewModel;
import io.sightline.desktop.results.ResultGridViewModel;
import io.sightline.desktop.run.RunViewModel;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Clock;
import io.sightline.common.parameter.ParameterBinder;
import io.sightline.common.parameter.ParameterException;
import io.sightline.common.parameter.SqlDialect;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editor tab: the SQL, the saved query it belongs to (if any) and the version it started from, its
 * parameters, runs and result. Knows whether there are unsaved changes, saves, and handles the 409 of a
 * save that lost a race against someone else's.
 */
public final class QueryTabViewModel {

    /** What was last saved or loaded, to tell unsaved changes. */
    record Snapshot(String text, String name, String description, List<String> tags,
                    List<ParameterDeclaration> parameters, long dataSourceId) {
    }

    /** Someone saved the query after this tab loaded it. */
    public record Conflict(long theirVersion, String theirAuthor) {
    }

    /** A result this tab showed: kept so the user can go back to it. */
    public record EarlierResult(long resultId, java.time.LocalTime shownAt, String summary, String sql) {
        public String label() {
            String firstLine = sql.strip().lines().findFirst().orElse("");
            return shownAt.withNano(0) + " \u00B7 " + summary + " \u00B7 "
                    + (firstLine.length() > 40 ? firstLine.substring(0, 40) + "\u2026" : firstLine);
        }
    }

    static final int HISTORY_KEPT = 20;
    public static final String NEW_NAME = "New query";

    private final SightlineClient client;
    private final QueriesClient queries;
    private final BackgroundTasks tasks;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty(NEW_NAME);
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> tags = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<io.sightline.common.api.snippet.QuerySnippet>> snippets =
            new SimpleObjectProperty<>(List.of());
    private final LongProperty dataSourceId = new SimpleLongProperty();
    private final ReadOnlyObjectWrapper<Long> queryId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> version = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Snapshot> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper draft = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<SqlDialect> dialect = new SimpleObjectProperty<>(SqlDialect.ANSI);
    private final Clock clock;
    private final javafx.collections.ObservableList<EarlierResult> history =
            javafx.collections.FXCollections.observableArrayList();
    private String lastRunSql = "";
    private final ParametersViewModel parameters;
    private final RunViewModel run;
    private final ResultGridViewModel results;
    private final io.sightline.desktop.visualization.VisualizationsViewModel visualizations;
    private final BooleanBinding dirty;
    private final StringBinding title;

    public QueryTabViewModel(SightlineClient client, BackgroundTasks tasks, Clock clock) {
        this.client = client;
        this.queries = new QueriesClient(client);
        this.tasks = tasks;
        this.clock = clock;
        this.parameters = new ParametersViewModel(clock, (queryId, loaded, failed) ->
                tasks.run("Loading the options of query " + queryId, () -> queries.dropdown(queryId), loaded, failed));
        RunsClient runs = new RunsClient(client);
        this.run = new RunViewModel(runs, tasks, () -> clock.millis());
        this.results = new ResultGridViewModel(runs, tasks);
        this.visualizations = new io.sightline.desktop.visualization.VisualizationsViewModel(
                new io.sightline.desktop.api.VisualizationsClient(client), tasks);
        tasks.run("Loading query snippets", new SnippetsClient(client)::querySnippets, snippets::set, failure -> { });
        saved.set(snapshot());
        text.addListener((obs, old, sql) -> parameters.syncWithSql(sql));
        // a new tab has nothing to lose until something is typed; a saved query differs from what was saved
        dirty = Bindings.createBooleanBinding(() -> queryId.get() == null ? !text.get().isBlank()
                        : !snapshot().equals(saved.get()),
                text, name, description, tags, dataSourceId, parameters.revisionProperty(), saved, queryId);
        title = Bindings.createStringBinding(() -> name.get() + (dirty.get() ? " \u25CF" : ""), name, dirty);
    }

    private Snapshot snapshot() {
        return new Snapshot(text.get(), name.get(), description.get(), tags.get(), parameters.declarations(),
                dataSourceId.get());
    }

    /** Shows a saved query; what the server has is now the saved state. */
    /** The query snippets the editor's completion offers (loaded when the tab opens; none if that failed). */
    public List<io.sightline.common.api.snippet.QuerySnippet> snippets() {
        return snippets.get();
    }

    public void load(Query query) {
        queryId.set(query.id());
        version.set(query.version());
        draft.set(query.draft());
        canEdit.set(query.canEdit());
        name.set(query.name());
        description.set(query.description() == null ? "" : query.description());
        tags.set(query.tags() == null ? List.of() : List.copyOf(query.tags()));
        dataSourceId.set(query.dataSourceId());
        parameters.load(QueriesClient.parameters(query.options()), query.query());
        text.set(query.query());
        parameters.syncWithSql(query.query());
        saved.set(snapshot());
        conflict.set(null);
        visualizations.load(query.id(), query.visualizations());
    }

    /** Puts an older version's SQL, name and parameters in the editor, as unsaved changes. */
    public void restore(io.sightline.common.api.query.QueryVersion old) {
        parameters.load(QueriesClient.parameters(old.options()), old.query());
        text.set(old.query());
        if (old.name() != null) {
            name.set(old.name());
        }
        if (old.description() != null) {
            description.set(old.description());
        }
        message.set("Version " + old.version() + " is in the editor: save to make it the newest version.");
    }

    /** Runs {@code sql} (all of the text, or the selection) with the form's parameter values. */
    public void run(String sql, int firstLine) {
        parameters.syncWithSql(text.get());
        if (!parameters.validProperty().get()) {
            run.resultFailed(String.join("\n", parameters.problems()));
            return;
        }
        if (dataSourceId.get() <= 0) {
            run.resultFailed("Choose a data source to run the query on.");
            return;
        }
        results.clear();
        visualizations.clear();
        lastRunSql = sql;
        if (queryId.get() != null && !dirty.get() && sql.equals(text.get())) {
            // the saved query as it is, run as a saved query: the server binds with its declarations and keeps the
            // result as its latest, and a view-only user may run it (safe queries), which ad-hoc SQL they may not
            run.runSaved(dataSourceId.get(), sql, parameters.valuesForRun(), queryId.get(), firstLine, this::showResult);
            return;
        }
        if (queryId.get() != null && !dirty.get()) {
            // a selection of the saved text: its SQL with the saved query's declarations, named for the server
            run.run(dataSourceId.get(), sql, parameters.valuesForRun(), queryId.get(), firstLine, this::showResult);
            return;
        }
        // unsaved declarations: bound here with the same shared code the server uses, then run as plain SQL
        String bound;
        try {
            bound = new ParameterBinder(clock).bind(sql, parameters.declarations(), parameters.valuesForRun(),
                    dialect.get(), parameters.loadedDropdowns()).sql();
        } catch (ParameterException e) {
            run.resultFailed(e.getMessage());
            return;
        }
        run.run(dataSourceId.get(), bound, Map.of(), null, firstLine, this::showResult);
    }

    private void showResult(long resultId) {
        String sql = lastRunSql;
        results.load(resultId, () -> {
            run.resultShown();
            visualizations.showResult(resultId);
            history.add(0, new EarlierResult(resultId, java.time.LocalTime.now(clock), results.summaryProperty().get(),
                    sql));
            if (history.size() > HISTORY_KEPT) {
                history.remove(HISTORY_KEPT, history.size());
            }
        }, run::resultFailed);
    }

    /** Shows a result this tab showed before (the server keeps stored results). */
    public void showEarlier(EarlierResult earlier) {
        if (earlier == null || run.busy().get()) {
            return;
        }
        results.clear();
        visualizations.clear();
        results.load(earlier.resultId(), () -> {
            message.set("Showing the result of " + earlier.shownAt().withNano(0) + ".");
            visualizations.showResult(earlier.resultId());
        }, message::set);
    }

    /** Results of this tab's runs, newest first. */
    public javafx.collections.ObservableList<EarlierResult> history() {
        return history;
    }

    /** Saves to the query this tab shows, or creates one when it shows none yet. */
    public void save(Runnable onSaved) {
        if (queryId.get() == null) {
            saveAsNew(name.get(), onSaved);
            return;
        }
        send(queryId.get(), draft(version.get()), onSaved);
    }

    /** Creates a new saved query from this tab, which then shows that query. */
    public void saveAsNew(String newName, Runnable onSaved) {
        if (dataSourceId.get() <= 0) {
            message.set("Choose a data source before saving.");
            return;
        }
        name.set(newName == null || newName.isBlank() ? NEW_NAME : newName.strip());
        QueryDraft draft = draft(null);
        saving.set(true);
        tasks.run("Saving the query", () -> queries.createQuery(draft), query -> {
            load(query);
            saving.set(false);
            message.set("Saved as \"" + query.name() + "\".");
            onSaved.run();
        }, this::saveFailed);
    }

    /**
     * Publishes the saved query, a draft until then (as every new query is): it shows in everyone's lists. Only
     * the flag changes; unsaved edits in the tab stay unsaved.
     */
    public void publish() {
        Long id = queryId.get();
        if (id == null || !draft.get() || publishing.get()) {
            return;
        }
        publishing.set(true);
        message.set("");
        tasks.run("Publishing the query", () -> queries.publishQuery(id), query -> {
            publishing.set(false);
            draft.set(query.draft());
            version.set(query.version());
            message.set("Published: \"" + query.name() + "\" is in everyone's lists now.");
        }, failure -> {
            publishing.set(false);
            message.set(failure);
        });
    }

    /** Conflict resolution: discard the changes here and show what the server has. */
    public void reloadFromServer() {
        Long id = queryId.get();
        if (id == null) {
            return;
        }
        tasks.run("Reloading the query", () -> queries.query(id), query -> {
            load(query);
            message.set("Reloaded version " + query.version() + " from the server.");
        }, message::set);
    }

    /** Conflict resolution: save these changes over the newer version on the server. */
    public void overwrite(Runnable onSaved) {
        Long id = queryId.get();
        if (id == null) {
            return;
        }
        QueryDraft mine = draft(null);
        saving.set(true);
        tasks.run("Saving the query", () -> queries.updateQuery(id, mine.withVersion(queries.query(id).version())),
                query -> saved(query, onSaved), this::saveFailed);
    }

    /** What a save came to: the saved query, or the newer version that was in the way. */
    private record Outcome(Query saved, Conflict conflict) {
    }

    private void send(long id, QueryDraft draft, Runnable onSaved) {
        saving.set(true);
        message.set("");
        tasks.run("Saving the query", () -> {
            try {
                return new Outcome(queries.updateQuery(id, draft), null);
            } catch (ApiException e) {
                if (!e.conflict()) {
                    throw e;
                }
                Query theirs = queries.query(id);
                return new Outcome(null, new Conflict(theirs.version(),
                        theirs.lastModifiedBy() == null ? "someone" : theirs.lastModifiedBy().name()));
            }
        }, outcome -> {
            if (outcome.saved() != null) {
                saved(outcome.saved(), onSaved);
            } else {
                saving.set(false);
                message.set("Not saved: version " + outcome.conflict().theirVersion() + " was saved by "
                        + outcome.conflict().theirAuthor() + " after you opened this query.");
                conflict.set(outcome.conflict());
            }
        }, this::saveFailed);
    }

    private void saved(Query query, Runnable onSaved) {
        conflict.set(null);
        String keptText = text.get();
        load(query);
        if (!keptText.equals(query.query())) {
            text.set(keptText); // typed while saving: those keystrokes stay, as unsaved changes
        }
        saving.set(false);
        message.set("Saved version " + query.version() + ".");
        onSaved.run();
    }

    private void saveFailed(String failure) {
        saving.set(false);
        message.set(failure);
    }

    private QueryDraft draft(Long baseVersion) {
        return new QueryDraft(dataSourceId.get(), name.get(), description.get(), text.get(),
                parameters.declarations(), tags.get(), baseVersion);
    }

    /** The unsaved-changes state is cleared by a conflict dialog's "keep editing" too. */
    public void dismissConflict() {
        conflict.set(null);
    }

    public boolean isNew() {
        return queryId.get() == null;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<List<String>> tagsProperty() {
        return tags;
    }

    /** How values are quoted for the data source (the view sets it from the data source's type). */
    public ObjectProperty<SqlDialect> dialectProperty() {
        return dialect;
    }

    public LongProperty dataSourceIdProperty() {
        return dataSourceId;
    }

    public ReadOnlyObjectProperty<Long> queryIdProperty() {
        return queryId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Whether the saved query is a draft (Redash's {@code is_draft}); false for a tab not saved yet. */
    public ReadOnlyBooleanProperty draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** Whether the signed-in user may change the saved query (its {@code can_edit}). */
    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding dirty() {
        return dirty;
    }

    public StringBinding title() {
        return title;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public RunViewModel run() {
        return run;
    }

    public ResultGridViewModel results() {
        return results;
    }

    /** The query's charts, counters, tables and pivots over the shown result. */
    public io.sightline.desktop.visualization.VisualizationsViewModel visualizations() {
        return visualizations;
    }

    /** The version history of saved query {@code id}. */
    public io.sightline.desktop.query.VersionHistoryViewModel versionHistory(long id) {
        return new io.sightline.desktop.query.VersionHistoryViewModel(queries, tasks, id);
    }

    /** The Manage permissions dialog of the saved query shown. */
    public io.sightline.desktop.permissions.PermissionsDialogViewModel permissions() {
        return new io.sightline.desktop.permissions.PermissionsDialogViewModel(
                new io.sightline.desktop.api.PermissionsClient(client), tasks,
                io.sightline.desktop.api.PermissionsClient.Kind.QUERY, queryId.get(), "query '" + name.get() + "'");
    }
}
