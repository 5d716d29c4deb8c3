package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.widgets.TimeText;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.Session;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.concurrent.Future;
import javafx.beans.property.BooleanProperty;
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
 * The dashboards list of the navigator, newest change first, filtered by name and "favourites only". Opening one
 * shows its details and opens it in a tab of its own ({@link #openDashboards()}).
 */
public final class DashboardListViewModel {

    static final int PAGE_SIZE = 100;

    private final DashboardsClient client;
    private final SharesClient shares;
    private final BackgroundTasks tasks;
    private final Session session;
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty favoritesOnly = new SimpleBooleanProperty();
    private final ObservableList<Dashboard> dashboards = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Dashboard> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<DashboardViewModel> openDashboards = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DashboardViewModel> shown = new ReadOnlyObjectWrapper<>();
    private Future<?> pending;

    public DashboardListViewModel(DashboardsClient client, SharesClient shares, Session session,
                                  BackgroundTasks tasks) {
        this.client = client;
        this.shares = shares;
        this.session = session;
        this.tasks = tasks;
        favoritesOnly.addListener((obs, old, only) -> reload());
    }

    /** Loads the list for the current filters; a newer reload makes an older one's answer be ignored. */
    public void reload() {
        if (pending != null) {
            pending.cancel(true);
        }
        String text = search.get() == null ? "" : search.get();
        boolean favorites = favoritesOnly.get();
        pending = tasks.run("Loading the dashboards", () -> client.dashboards(text, favorites, 1, PAGE_SIZE), page -> {
            dashboards.setAll(page.results());
            message.set(page.results().isEmpty() ? emptyMessage(text, favorites)
                    : page.count() > page.results().size() ? "Showing " + page.results().size() + " of "
                            + page.count() + "; search to narrow down." : "");
        }, message::set);
    }

    private static String emptyMessage(String text, boolean favorites) {
        if (!text.isBlank()) {
            return "No dashboard matches \"" + text.strip() + "\".";
        }
        return favorites ? "No favourite dashboards yet: star one to keep it here." : "No dashboards yet.";
    }

    /**
     * Fetches the dashboard afresh, shows its details and opens it in a tab of its own (or brings its open tab
     * forward), its widgets loading.
     */
    public void open(Dashboard dashboard) {
        tasks.run("Opening the dashboard", () -> client.dashboard(dashboard.id()), fresh -> {
            opened.set(fresh);
            shown.set(null);
            for (DashboardViewModel open : openDashboards) {
                if (open.id() == fresh.id()) {
                    shown.set(open);
                    return;
                }
            }
            DashboardViewModel model = new DashboardViewModel(client, shares, tasks,
                    DashboardViewModel.managedBy(session), fresh);
            openDashboards.add(model);
            shown.set(model);
        }, message::set);
    }

    /** Closes an opened dashboard's tab: its auto-refresh stops. */
    public void close(DashboardViewModel dashboard) {
        dashboard.close();
        openDashboards.remove(dashboard);
        if (shown.get() == dashboard) {
            shown.set(null);
        }
    }

    /** The dashboards open in tabs, in the order they were opened. */
    public ObservableList<DashboardViewModel> openDashboards() {
        return openDashboards;
    }

    /** The opened dashboard to bring forward; set on every open. */
    public ReadOnlyObjectProperty<DashboardViewModel> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public void toggleFavorite(Dashboard dashboard) {
        boolean star = !dashboard.favorite();
        tasks.run(star ? "Adding to favourites" : "Removing from favourites",
                () -> client.favoriteDashboard(dashboard.id(), star), updated -> {
                    for (int i = 0; i < dashboards.size(); i++) {
                        if (dashboards.get(i).id() == updated.id()) {
                            if (!star && favoritesOnly.get()) {
                                dashboards.remove(i);
                                if (dashboards.isEmpty()) {
                                    message.set(emptyMessage(search.get() == null ? "" : search.get(), true));
                                }
                            } else {
                                dashboards.set(i, updated);
                            }
                            break;
                        }
                    }
                    if (opened.get() != null && opened.get().id() == updated.id()) {
                        opened.set(updated);
                    }
                }, message::set);
    }

    /** What the details pane says about a dashboard, one line per fact. */
    public static String details(Dashboard dashboard) {
        String owner = dashboard.user() == null ? "user " + dashboard.userId() : dashboard.user().name();
        return dashboard.name() + "\n"
                + "Owner: " + owner + "\n"
                + "Tags: " + (dashboard.tags() == null || dashboard.tags().isEmpty() ? "none"
                        : "#" + String.join(" #", dashboard.tags())) + "\n"
                + "Updated: " + TimeText.when(dashboard.updatedAt()) + "\n"
                + "Created: " + TimeText.when(dashboard.createdAt()) + "\n"
                + "Widgets: " + (dashboard.widgets() == null ? 0 : dashboard.widgets().size());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty favoritesOnlyProperty() {
        return favoritesOnly;
    }

    public ObservableList<Dashboard> dashboards() {
        return dashboards;
    }

    /** The dashboard whose details are shown; null = none. */
    public ReadOnlyObjectProperty<Dashboard> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
