package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.dashboard.DashboardParameterValues;
import io.sightline.common.dashboard.DashboardParameterValues.Resolved;
import io.sightline.desktop.widgets.TimeText;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.share.ShareDialogViewModel;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * An opened dashboard: its widgets, each loading its query's result on a background task of its own (in parallel),
 * a refresh of them all, and an auto-refresh interval (Redash's choices). A widget's failure stays in that widget.
 * The dashboard parameters are edited in the header and kept as Redash keeps them in the page's URL
 * ({@code p_<name>}); applying them re-runs only the widgets whose values changed. A click on a row of a
 * visualization that drills through ({@code options.sightline.drillthrough}) opens the target dashboard in the
 * same place with the row's values, leaving a breadcrumb back.
 */
public final class DashboardViewModel {

    /** Redash's auto-refresh choices, in seconds (1 minute to 1 day); 0 is "never". */
    public static final List<Integer> REFRESH_INTERVALS = List.of(60, 300, 600, 1800, 3600, 43200, 86400);
    /** As the lists show times (in the time's own offset); not through their cell class, a JavaFX control. */

    private final DashboardsClient client;
    private final SharesClient shares;
    private final BackgroundTasks tasks;
    private long id;
    private Map<String, Object> json = Map.of();
    private Map<String, String> url = new LinkedHashMap<>();
    private Resolved resolved;
    private final ObservableList<DashboardParameterField> parameters = FXCollections.observableArrayList();
    private final ObservableList<Crumb> trail = FXCollections.observableArrayList();
    private final Predicate<Dashboard> manages;
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canShare = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper draft = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper();
    private Dashboard shown;
    private final DashboardEditModel edit = new DashboardEditModel(this);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<WidgetViewModel> widgets = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> refreshInterval = new SimpleObjectProperty<>(0);
    private Timeline timer;

    /**
     * @param manages whether the caller may share a dashboard and change who may edit it: its owner and the admins
     *                ({@link #managedBy}); users it was granted to may edit it ({@code can_edit}) but not that
     */
    public DashboardViewModel(DashboardsClient client, SharesClient shares, BackgroundTasks tasks,
                              Predicate<Dashboard> manages, Dashboard dashboard) {
        this.client = client;
        this.shares = shares;
        this.tasks = tasks;
        this.manages = manages;
        refreshInterval.addListener((obs, old, seconds) -> schedule(seconds));
        show(dashboard, Map.of());
    }

    /** Who may share a dashboard and manage its permissions, as the server decides it: its owner and the admins. */
    public static Predicate<Dashboard> managedBy(Session session) {
        return dashboard -> session.admin() || dashboard.userId() == session.userId();
    }

    /** A dashboard left by a drill-through, with the parameter values it had: a breadcrumb back to it. */
    public record Crumb(long id, String name, Map<String, String> url) {
    }

    /** Shows {@code dashboard} with {@code urlValues} ({@code p_...}), running its widgets (cached results first). */
    private void show(Dashboard dashboard, Map<String, String> urlValues) {
        shown = dashboard;
        id = dashboard.id();
        name.set(dashboard.name());
        canEdit.set(dashboard.canEdit());
        draft.set(dashboard.draft());
        canShare.set(dashboard.canEdit() && manages.test(dashboard));
        url = new LinkedHashMap<>(urlValues);
        setWidgets(widgetsOf(dashboard));
        loadAll(-1);
        Object refresh = dashboard.options() == null ? null : dashboard.options().get("refresh");
        refreshInterval.set(refresh instanceof Number seconds && seconds.intValue() > 0 ? seconds.intValue() : 0);
    }

    private void setWidgets(List<WidgetViewModel> shown) {
        for (WidgetViewModel widget : shown) {
            widget.loading.addListener((obs, was, now) -> busy.set(widgets.stream().anyMatch(w -> w.loading.get())));
        }
        widgets.setAll(shown);
    }

    /** Whether the widgets are those shown (same ids, places, queries and values): then they keep their drawings. */
    private boolean sameLayout(List<WidgetViewModel> latest) {
        if (latest.size() != widgets.size()) {
            return false;
        }
        for (int i = 0; i < latest.size(); i++) {
            WidgetViewModel now = latest.get(i);
            WidgetViewModel shown = widgets.get(i);
            if (now.id() != shown.id() || now.kind() != shown.kind() || !now.position().equals(shown.position())
                    || !java.util.Objects.equals(now.queryId(), shown.queryId())
                    || !java.util.Objects.equals(now.type(), shown.type())
                    || !now.visualizationOptions().equals(shown.visualizationOptions())
                    || !now.parameters().equals(shown.parameters()) || !now.text().equals(shown.text())) {
                return false;
            }
        }
        return true;
    }

    /** The dashboard's widgets in reading order (row, then column), with the values the current URL gives them. */
    private List<WidgetViewModel> widgetsOf(Dashboard dashboard) {
        json = DashboardsClient.json(dashboard);
        resolved = DashboardParameterValues.resolve(json, url);
        showParameters();
        if (dashboard.widgets() == null) {
            return List.of();
        }
        return dashboard.widgets().stream()
                .map(w -> WidgetViewModel.of(w, resolved.widgets().get(w.get("id") instanceof Number n ? n.longValue() : -1L)))
                .sorted(Comparator.comparingInt((WidgetViewModel w) -> w.position().row())
                        .thenComparingInt(w -> w.position().col()))
                .toList();
    }

    private void showParameters() {
        List<DashboardParameterField> fields = DashboardParameterValues.declarations(json).entrySet().stream()
                .map(d -> new DashboardParameterField(d.getKey(), d.getValue(),
                        DashboardParameterValues.urlText(resolved.dashboard().get(d.getKey()))))
                .toList();
        parameters.setAll(fields);
    }

    /**
     * Runs the widgets with the header's values: each becomes the URL's {@code p_<name>} (an emptied field falls
     * back to the dashboard's saved value); only the widgets whose values changed run again.
     */
    public void applyParameters() {
        for (DashboardParameterField field : parameters) {
            String text = field.textProperty().get() == null ? "" : field.textProperty().get().strip();
            if (text.isEmpty()) {
                url.remove("p_" + field.name());
            } else {
                url.put("p_" + field.name(), text);
            }
        }
        Resolved before = resolved;
        resolved = DashboardParameterValues.resolve(json, url);
        Set<Long> changed = resolved.changedSince(before);
        for (WidgetViewModel widget : widgets) {
            if (changed.contains(widget.id())) {
                widget.setParameters(resolved.widgets().get(widget.id()));
                load(widget, -1);
            }
        }
        showParameters();
    }

    /**
     * The dashboard {@code widget}'s clicks lead to, and the target's parameters by the column that gives each:
     * {@code options.sightline.drillthrough = {dashboard: id, parameters: {parameter: column}}}.
     */
    public static Optional<DrillThrough> drillThrough(WidgetViewModel widget) {
        if (widget.visualizationOptions().get("sightline") instanceof Map<?, ?> sightline
                && sightline.get("drillthrough") instanceof Map<?, ?> drill
                && drill.get("dashboard") instanceof Number target) {
            Map<String, String> columns = new LinkedHashMap<>();
            if (drill.get("parameters") instanceof Map<?, ?> byParameter) {
                byParameter.forEach((parameter, column) -> columns.put(String.valueOf(parameter), String.valueOf(column)));
            }
            return Optional.of(new DrillThrough(target.longValue(), columns));
        }
        return Optional.empty();
    }

    /** Where a drill-through leads: a dashboard, and its parameters by the clicked row's column. */
    public record DrillThrough(long dashboard, Map<String, String> columns) {
    }

    /**
     * Opens the dashboard {@code widget} drills through to, with each of its parameters set from {@code row}'s
     * column; this dashboard becomes a breadcrumb. Nothing happens for a widget that does not drill through.
     */
    public void drill(WidgetViewModel widget, Map<String, Object> row) {
        Optional<DrillThrough> target = drillThrough(widget);
        if (target.isEmpty() || row == null || edit.editingProperty().get()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        target.get().columns().forEach((parameter, column) -> {
            Object value = row.get(column);
            if (value != null) {
                values.put("p_" + parameter, DashboardParameterValues.urlText(value));
            }
        });
        Crumb here = new Crumb(id, name.get(), Map.copyOf(url));
        open(target.get().dashboard(), values, () -> trail.add(here));
    }

    /** Goes back to a breadcrumb's dashboard, with the values it had; the crumbs after it go. */
    public void back(Crumb crumb) {
        int at = trail.indexOf(crumb);
        if (at < 0 || edit.editingProperty().get()) {
            return;
        }
        open(crumb.id(), crumb.url(), () -> trail.remove(at, trail.size()));
    }

    private void open(long dashboardId, Map<String, String> values, Runnable onOpened) {
        message.set("");
        cancel();
        tasks.run("Opening the dashboard", () -> client.dashboard(dashboardId), target -> {
            onOpened.run();
            show(target, values);
        }, message::set);
    }

    /**
     * Fetches the dashboard afresh and runs every widget's query anew; widgets unchanged keep their drawings
     * until the new results arrive.
     */
    public void refresh() {
        if (edit.editingProperty().get()) {
            return; // the auto-refresh waits: a reload would drop the edits
        }
        message.set("");
        tasks.run("Refreshing the dashboard", () -> client.dashboard(id), fresh -> {
            name.set(fresh.name());
            List<WidgetViewModel> latest = widgetsOf(fresh);
            if (!sameLayout(latest)) {
                setWidgets(latest);
            }
            loadAll(0);
        }, message::set);
    }

    /**
     * Publishes the dashboard shown, a draft until then (Redash makes every new dashboard one): it then shows in
     * everyone's lists. The widgets stay as they are; the version the server answers is the one edits claim next.
     */
    public void publish() {
        if (!draft.get() || publishing.get()) {
            return;
        }
        long publishedId = id;
        publishing.set(true);
        message.set("");
        tasks.run("Publishing the dashboard", () -> client.publish(publishedId), published -> {
            publishing.set(false);
            if (published.id() == id) { // not left by a drill-through meanwhile
                shown = published;
                draft.set(published.draft());
            }
        }, failure -> {
            publishing.set(false);
            message.set(failure);
        });
    }

    private void loadAll(long maxAge) {
        for (WidgetViewModel widget : widgets) {
            if (widget.kind() == WidgetViewModel.Kind.VISUALIZATION) {
                load(widget, maxAge);
            }
        }
    }

    void load(WidgetViewModel widget, long maxAge) {
        if (widget.queryId() == null) {
            widget.error.set("This widget's visualization has no query.");
            return;
        }
        long run = ++widget.run;
        widget.loading.set(true);
        widget.jobId = null;
        widget.pending = tasks.run("Loading " + widget.title(),
                () -> client.latestResult(widget.queryId(), widget.parameters(), maxAge, job -> widget.jobId = job),
                loaded -> {
                    if (run != widget.run) {
                        return;
                    }
                    widget.loading.set(false);
                    widget.error.set("");
                    widget.result.set(loaded.data());
                    widget.updated.set(updated(loaded.retrievedAt()));
                }, failure -> {
                    if (run != widget.run) {
                        return;
                    }
                    widget.loading.set(false);
                    widget.result.set(null);
                    widget.error.set(failure);
                });
    }

    /**
     * Stops every widget still loading: its task, and its job on the server. A widget keeps the result it had
     * drawn before; one that had none says it was cancelled.
     */
    public void cancel() {
        for (WidgetViewModel widget : widgets) {
            if (!widget.loading.get()) {
                continue;
            }
            widget.run++;
            if (widget.pending != null) {
                widget.pending.cancel(true);
            }
            String job = widget.jobId;
            if (job != null) {
                tasks.run("Cancelling " + widget.title(), () -> {
                    client.cancelJob(job);
                    return job;
                }, ignored -> { }, ignored -> { });
            }
            widget.loading.set(false);
            if (widget.result.get() == null && widget.error.get().isEmpty()) {
                widget.error.set("Loading cancelled.");
            }
        }
    }

    static String updated(String retrievedAt) {
        try {
            return "Updated " + TimeText.when(OffsetDateTime.parse(retrievedAt));
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    private void schedule(Integer seconds) {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        if (seconds != null && seconds > 0) {
            timer = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> refresh()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }

    /** Stops the auto-refresh (the tab was closed). */
    public void close() {
        refreshInterval.set(0);
    }

    /** A short label of an interval: "1 minute", "12 hours", "1 day". */
    public static String intervalLabel(Integer seconds) {
        if (seconds == null || seconds <= 0) {
            return "Never";
        }
        Map.Entry<Integer, String> unit = seconds % 86400 == 0 ? Map.entry(86400, "day")
                : seconds % 3600 == 0 ? Map.entry(3600, "hour") : Map.entry(60, "minute");
        int count = seconds / unit.getKey();
        return count + " " + unit.getValue() + (count == 1 ? "" : "s");
    }

    public long id() {
        return id;
    }

    /** The version of the dashboard shown, as the server last answered it. */
    long version() {
        return shown.version();
    }

    /** Edit mode: moving, resizing, adding and removing widgets, then saving. */
    public DashboardEditModel edit() {
        return edit;
    }

    /** Whether the caller may edit the dashboard shown (its owner, an admin, or a user it was granted to). */
    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    /** The dashboard as last loaded again (edits cancelled), with the same values. */
    void reshow() {
        show(shown, url);
    }

    /** The dashboard as the server has it after a save, with the same values. */
    void showSaved(Dashboard saved) {
        show(saved, url);
    }

    void message(String text) {
        message.set(text);
    }

    DashboardsClient client() {
        return client;
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    /** Whether the dashboard shown is a draft (Redash's {@code is_draft}): listed to its owner only. */
    public ReadOnlyBooleanProperty draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    /** Whether the caller may share the dashboard shown and manage its permissions (its owner or an admin). */
    public ReadOnlyBooleanProperty canShareProperty() {
        return canShare.getReadOnlyProperty();
    }

    /** The Share dialog's model for this dashboard; Copy puts links into {@code clipboard}. */
    public ShareDialogViewModel share(java.util.function.Consumer<String> clipboard) {
        return new ShareDialogViewModel(shares, tasks, id, java.time.Clock.systemDefaultZone(), clipboard);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether any widget is loading (Cancel applies). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<WidgetViewModel> widgets() {
        return widgets;
    }

    /** The dashboard parameters of the header, in the dashboard's order. */
    public ObservableList<DashboardParameterField> parameters() {
        return parameters;
    }

    /** The dashboards drilled through from, the first opened first; empty when none. */
    public ObservableList<Crumb> trail() {
        return trail;
    }

    /** The URL values ({@code p_<name>}) the dashboard shows now. */
    public Map<String, String> urlValues() {
        return Map.copyOf(url);
    }

    /** Seconds between automatic refreshes; 0: never. Starts at the dashboard's {@code options.refresh}. */
    public ObjectProperty<Integer> refreshIntervalProperty() {
        return refreshInterval;
    }

    /** The Manage permissions dialog of this dashboard. */
    public io.sightline.desktop.permissions.PermissionsDialogViewModel permissions() {
        return new io.sightline.desktop.permissions.PermissionsDialogViewModel(client.permissions(), tasks,
                io.sightline.desktop.api.PermissionsClient.Kind.DASHBOARD, id, "dashboard '" + name.get() + "'");
    }
}
