package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.StarredCell;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.share.ShareDialogViewModel;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 */
public final class DashboardViewModel {

    /** Redash's auto-refresh choices, in seconds (1 minute to 1 day); 0 is "never". */
    public static final List<Integer> REFRESH_INTERVALS = List.of(60, 300, 600, 1800, 3600, 43200, 86400);

    private final DashboardsClient client;
    private final SharesClient shares;
    private final BackgroundTasks tasks;
    private final long id;
    private final boolean canShare;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<WidgetViewModel> widgets = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> refreshInterval = new SimpleObjectProperty<>(0);
    private Timeline timer;

    public DashboardViewModel(DashboardsClient client, SharesClient shares, BackgroundTasks tasks,
                              Dashboard dashboard) {
        this.client = client;
        this.shares = shares;
        this.tasks = tasks;
        this.id = dashboard.id();
        this.canShare = dashboard.canEdit();
        name.set(dashboard.name());
        refreshInterval.addListener((obs, old, seconds) -> schedule(seconds));
        setWidgets(widgetsOf(dashboard));
        loadAll(-1);
        Object refresh = dashboard.options() == null ? null : dashboard.options().get("refresh");
        if (refresh instanceof Number seconds && seconds.intValue() > 0) {
            refreshInterval.set(seconds.intValue());
        }
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

    /** The dashboard's widgets in reading order (row, then column). */
    private static List<WidgetViewModel> widgetsOf(Dashboard dashboard) {
        if (dashboard.widgets() == null) {
            return List.of();
        }
        Map<Long, Map<String, Object>> parameters = DashboardsClient.widgetParameters(dashboard);
        return dashboard.widgets().stream()
                .map(w -> WidgetViewModel.of(w, parameters.get(w.get("id") instanceof Number n ? n.longValue() : -1L)))
                .sorted(Comparator.comparingInt((WidgetViewModel w) -> w.position().row())
                        .thenComparingInt(w -> w.position().col()))
                .toList();
    }

    /**
     * Fetches the dashboard afresh and runs every widget's query anew; widgets unchanged keep their drawings
     * until the new results arrive.
     */
    public void refresh() {
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

    private void loadAll(long maxAge) {
        for (WidgetViewModel widget : widgets) {
            if (widget.kind() == WidgetViewModel.Kind.VISUALIZATION) {
                load(widget, maxAge);
            }
        }
    }

    private void load(WidgetViewModel widget, long maxAge) {
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
            return "Updated " + StarredCell.when(OffsetDateTime.parse(retrievedAt));
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

    /** Whether the caller may share the dashboard (its owner or an admin: those who may edit it). */
    public boolean canShare() {
        return canShare;
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

    /** Seconds between automatic refreshes; 0: never. Starts at the dashboard's {@code options.refresh}. */
    public ObjectProperty<Integer> refreshIntervalProperty() {
        return refreshInterval;
    }
}
