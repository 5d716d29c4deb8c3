package io.sightline.desktop.workbench;

import io.sightline.desktop.admin.DataSourceAdminViewModel;
import io.sightline.desktop.alert.AlertEditorViewModel;
import io.sightline.desktop.alert.AlertListViewModel;
import io.sightline.desktop.alert.DestinationAdminViewModel;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.dashboard.DashboardListViewModel;
import io.sightline.desktop.editor.QueryTabViewModel;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.query.QueryListViewModel;
import io.sightline.desktop.schema.SchemaViewModel;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state: navigator, open tabs and which is selected, theme, and the status line. */
public final class WorkbenchViewModel {

    private final SightlineClient client;
    private final QueriesClient queriesApi;
    private final Session session;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final SchemaViewModel schema;
    private final QueryListViewModel queries;
    private final DashboardListViewModel dashboards;
    private final ObservableList<QueryTabViewModel> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<QueryTabViewModel> selected = new SimpleObjectProperty<>();
    private final StringProperty theme = new SimpleStringProperty("light");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public WorkbenchViewModel(SightlineClient client, Session session, BackgroundTasks tasks, Clock clock) {
        this.client = client;
        this.queriesApi = new QueriesClient(client);
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.schema = new SchemaViewModel(new DataSourcesClient(client), tasks);
        this.queries = new QueryListViewModel(queriesApi, tasks);
        this.dashboards = new DashboardListViewModel(new DashboardsClient(client), new SharesClient(client), session,
                tasks);
        CurrentFormats.set(session.formats());
    }

    /** Loads the navigator's lists. */
    public void start() {
        schema.loadDataSources();
        queries.reload();
        dashboards.reload();
    }

    public QueryTabViewModel newTab() {
        QueryTabViewModel tab = new QueryTabViewModel(client, tasks, clock);
        if (schema.selectedProperty().get() != null) {
            tab.dataSourceIdProperty().set(schema.selectedProperty().get().id());
        }
        tabs.add(tab);
        selected.set(tab);
        return tab;
    }

    /** Selects the tab showing query {@code id}, or opens it in a new one. */
    public void openQuery(long id) {
        for (QueryTabViewModel tab : tabs) {
            if (tab.queryIdProperty().get() != null && tab.queryIdProperty().get() == id) {
                selected.set(tab);
                return;
            }
        }
        status.set("Opening query " + id + "...");
        tasks.run("Opening the query", () -> queriesApi.query(id), query -> {
            QueryTabViewModel tab = new QueryTabViewModel(client, tasks, clock);
            tab.load(query);
            tabs.add(tab);
            selected.set(tab);
            status.set("");
        }, status::set);
    }

    public void close(QueryTabViewModel tab) {
        int index = tabs.indexOf(tab);
        tabs.remove(tab);
        if (selected.get() == tab) {
            selected.set(tabs.isEmpty() ? null : tabs.get(Math.max(0, index - 1)));
        }
    }

    /** The open tabs as the next start should restore them. */
    public List<WorkbenchState.TabState> tabStates() {
        List<WorkbenchState.TabState> states = new ArrayList<>();
        for (QueryTabViewModel tab : tabs) {
            states.add(new WorkbenchState.TabState(tab.queryIdProperty().get(), tab.nameProperty().get(),
                    tab.dataSourceIdProperty().get(), tab.dirty().get() ? tab.textProperty().get() : null));
        }
        return states;
    }

    /** Reopens tabs of an earlier session; saved queries are fetched again, unsaved text is put back. */
    public void restore(List<WorkbenchState.TabState> states, int selectedIndex) {
        List<QueryTabViewModel> restored = new ArrayList<>();
        for (WorkbenchState.TabState state : states) {
            QueryTabViewModel tab = new QueryTabViewModel(client, tasks, clock);
            tab.nameProperty().set(state.name() == null ? QueryTabViewModel.NEW_NAME : state.name());
            tab.dataSourceIdProperty().set(state.dataSourceId());
            if (state.unsavedText() != null) {
                tab.textProperty().set(state.unsavedText());
            }
            restored.add(tab);
            if (state.queryId() != null) {
                long id = state.queryId();
                tasks.run("Reopening query " + id, () -> queriesApi.query(id), query -> {
                    String unsaved = state.unsavedText();
                    tab.load(query);
                    if (unsaved != null && !unsaved.equals(query.query())) {
                        tab.textProperty().set(unsaved);
                    }
                }, failure -> status.set("Query " + id + " could not be reopened: " + failure));
            }
        }
        tabs.setAll(restored);
        if (!restored.isEmpty()) {
            selected.set(restored.get(Math.max(0, Math.min(selectedIndex, restored.size() - 1))));
        }
    }

    public void setStatus(String text) {
        status.set(text);
    }

    public SightlineClient client() {
        return client;
    }

    /** Admin → Data sources…. */
    public DataSourceAdminViewModel dataSourceAdmin() {
        return new DataSourceAdminViewModel(new DataSourcesClient(client), tasks);
    }

    /** Admin → Alert destinations…. */
    public DestinationAdminViewModel destinationAdmin() {
        return new DestinationAdminViewModel(new DestinationsClient(client), tasks);
    }

    /** Query → Alerts…. */
    public AlertListViewModel alertList() {
        return new AlertListViewModel(client, tasks);
    }

    /** Query → New alert on this query…: a new alert on saved query {@code queryId}. */
    public AlertEditorViewModel newAlert(long queryId) {
        return new AlertEditorViewModel(client, tasks, queryId);
    }

    /** The server this workbench is connected to, as shown to the user. */
    public String serverUrl() {
        return client.baseUrl();
    }

    public Session session() {
        return session;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public SchemaViewModel schema() {
        return schema;
    }

    public QueryListViewModel queries() {
        return queries;
    }

    public DashboardListViewModel dashboards() {
        return dashboards;
    }

    public ObservableList<QueryTabViewModel> tabs() {
        return tabs;
    }

    public ObjectProperty<QueryTabViewModel> selectedProperty() {
        return selected;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
