package io.sightline.desktop.workbench;

import io.sightline.desktop.widgets.Dialogs;
import io.sightline.desktop.admin.AdminMenu;
import io.sightline.desktop.alert.AlertEditorView;
import io.sightline.desktop.alert.AlertListView;
import io.sightline.desktop.alert.DestinationAdminView;
import io.sightline.desktop.admin.DataSourceAdminView;
import io.sightline.desktop.dashboard.DashboardListView;
import io.sightline.desktop.dashboard.DashboardTabs;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.editor.QueryTabView;
import io.sightline.desktop.editor.QueryTabViewModel;
import io.sightline.desktop.query.QueryListView;
import io.sightline.desktop.schema.SchemaView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window: menu, navigator (schema, saved queries) on the left, editor tabs, status line. */
public final class WorkbenchView extends BorderPane {

    private final WorkbenchViewModel model;
    private final Executor highlightThread;
    private final TabPane tabPane = new TabPane();
    private final SplitPane split;
    private final Map<QueryTabViewModel, Tab> tabsByModel = new HashMap<>();
    private final Runnable quit;

    public WorkbenchView(WorkbenchViewModel model, Executor highlightThread, Runnable quit) {
        this.model = model;
        this.highlightThread = highlightThread;
        this.quit = quit;
        getStyleClass().add("workbench");

        TabPane navigator = new TabPane();
        navigator.setId("navigator");
        navigator.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SchemaView schemaView = new SchemaView(model.schema(), this::insertIntoEditor);
        QueryListView queryList = new QueryListView(model.queries(), query -> model.openQuery(query.id()));
        Tab schemaTab = new Tab("Schema", schemaView);
        Tab queriesTab = new Tab("Queries", queryList);
        queriesTab.setId("queries-tab");
        Tab dashboardsTab = new Tab("Dashboards", new DashboardListView(model.dashboards()));
        dashboardsTab.setId("dashboards-tab");
        navigator.getTabs().addAll(schemaTab, queriesTab, dashboardsTab);
        navigator.setMinWidth(0);

        tabPane.setId("editor-tabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        model.tabs().addListener((ListChangeListener<QueryTabViewModel>) change -> syncTabs());
        model.selectedProperty().addListener((obs, old, tab) -> {
            if (tab != null && tabsByModel.containsKey(tab)) {
                tabPane.getSelectionModel().select(tabsByModel.get(tab));
            }
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getContent() instanceof QueryTabView view) {
                model.selectedProperty().set(view.model());
            }
        });
        syncTabs();
        DashboardTabs.follow(model.dashboards(), tabPane);

        split = new SplitPane(navigator, tabPane);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(navigator, false);

        Label status = new Label();
        status.setId("status-line");
        status.textProperty().bind(model.statusProperty());
        Label who = new Label(model.session().name() + " \u00B7 " + model.serverUrl());
        who.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox statusBar = new HBox(8, status, gap, who);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));

        setTop(menu());
        setCenter(split);
        setBottom(statusBar);
    }

    private MenuBar menu() {
        MenuItem newTab = item("New tab", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> model.newTab());
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> current(QueryTabView::save));
        MenuItem saveAs = item("Save as\u2026", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> current(QueryTabView::saveAs));
        MenuItem close = item("Close tab", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    Tab tab = tabPane.getSelectionModel().getSelectedItem();
                    if (tab != null && tab.getContent() instanceof DashboardView dashboard) {
                        model.dashboards().close(dashboard.model());
                    } else if (tab != null && confirmClose(((QueryTabView) tab.getContent()).model())) {
                        model.close(((QueryTabView) tab.getContent()).model());
                    }
                });
        MenuItem exit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit);
        Menu file = new Menu("File", null, newTab, save, saveAs, close, new SeparatorMenuItem(), exit);

        MenuItem run = item("Run", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> current(QueryTabView::run));
        MenuItem cancel = item("Cancel", new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN),
                () -> current(view -> view.model().run().cancel()));
        MenuItem comment = item("Toggle comment", new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN),
                () -> current(view -> view.editor().toggleComment()));
        MenuItem format = item("Format SQL", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> current(view -> view.editor().formatSql()));
        MenuItem find = item("Find and replace", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> current(view -> view.editor().openFind()));
        MenuItem findQuery = item("Find saved query", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> lookup("#query-search").requestFocus());
        MenuItem alerts = item("Alerts\u2026", null, () -> Dialogs.ownedBy(this,
                new AlertListView(model.alertList())).show());
        alerts.setId("menu-alerts");
        MenuItem newAlert = item("New alert on this query\u2026", null, () -> current(view -> {
            Long saved = view.model().queryIdProperty().get();
            if (saved != null) {
                Dialogs.ownedBy(this, new AlertEditorView(model.newAlert(saved))).show();
            }
        }));
        newAlert.setId("menu-new-alert");
        Menu query = new Menu("Query", null, run, cancel, comment, format, find, new SeparatorMenuItem(), findQuery,
                new SeparatorMenuItem(), newAlert, alerts);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (model.themeProperty().get().equals("dark") ? dark : light).setSelected(true);
        light.setOnAction(e -> model.themeProperty().set("light"));
        dark.setOnAction(e -> model.themeProperty().set("dark"));
        MenuItem refresh = item("Refresh schema", new KeyCodeCombination(KeyCode.F5), () -> model.schema().refresh());
        MenuItem refreshQueries = item("Refresh saved queries", null, () -> model.queries().reload());
        MenuItem refreshDashboards = item("Refresh dashboards", null, () -> model.dashboards().reload());
        Menu view = new Menu("View", null, light, dark, new SeparatorMenuItem(), refresh, refreshQueries,
                refreshDashboards);

        MenuItem shortcuts = item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1),
                () -> Dialogs.ownedBy(this, new ShortcutsDialog()).show());
        Menu help = new Menu("Help", null, shortcuts);

        MenuBar bar = new MenuBar(file, query, view);
        if (model.session().admin()) {
            MenuItem dataSources = item("Data sources\u2026", null, () -> Dialogs.ownedBy(this, new DataSourceAdminView(
                    model.dataSourceAdmin(), model.schema()::loadDataSources)).show());
            Menu admin = new Menu("Admin", null, dataSources);
            AdminMenu.addUsersAndGroups(admin, this, model.client(), model.tasks());
            MenuItem destinations = item("Alert destinations\u2026", null, () -> Dialogs.ownedBy(this,
                    new DestinationAdminView(model.destinationAdmin())).show());
            destinations.setId("menu-admin-destinations");
            admin.getItems().add(destinations);
            AdminMenu.addOrganizationSettings(admin, this, model.client(), model.tasks());
            AdminMenu.addAuditLog(admin, this, model.client(), model.tasks());
            bar.getMenus().add(admin);
        }
        bar.getMenus().add(help);
        return bar;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void current(java.util.function.Consumer<QueryTabView> action) {
        Tab tab = tabPane.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getContent() instanceof QueryTabView view) {
            action.accept(view);
        }
    }

    private void insertIntoEditor(String text) {
        current(view -> view.editor().insertAtCaret(text));
    }

    private void syncTabs() {
        for (QueryTabViewModel tabModel : model.tabs()) {
            if (!tabsByModel.containsKey(tabModel)) {
                QueryTabView view = new QueryTabView(tabModel, model.schema(), model.tasks(), highlightThread,
                        model::setStatus);
                Tab tab = new Tab();
                tab.textProperty().bind(tabModel.title());
                tab.setContent(view);
                tab.setOnCloseRequest(event -> {
                    if (!confirmClose(tabModel)) {
                        event.consume();
                    }
                });
                tab.setOnClosed(event -> model.close(tabModel));
                tabsByModel.put(tabModel, tab);
                tabPane.getTabs().add(tab);
            }
        }
        tabsByModel.entrySet().removeIf(entry -> {
            if (model.tabs().contains(entry.getKey())) {
                return false;
            }
            tabPane.getTabs().remove(entry.getValue());
            ((QueryTabView) entry.getValue().getContent()).dispose();
            return true;
        });
        QueryTabViewModel chosen = model.selectedProperty().get();
        if (chosen != null && tabsByModel.containsKey(chosen)) {
            tabPane.getSelectionModel().select(tabsByModel.get(chosen));
        }
    }

    private boolean confirmClose(QueryTabViewModel tab) {
        Tab shown = tabsByModel.get(tab);
        if (shown != null) {
            ((QueryTabView) shown.getContent()).flush();
        }
        if (!tab.dirty().get()) {
            return true;
        }
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "\"" + tab.nameProperty().get() + "\" has unsaved changes.", discard, ButtonType.CANCEL);
        alert.setHeaderText("Close without saving?");
        return Dialogs.ownedBy(this, alert).showAndWait().orElse(ButtonType.CANCEL) == discard;
    }

    /** Every editor's latest keystrokes into its view model (before the open tabs are remembered). */
    public void flushEditors() {
        tabsByModel.values().forEach(tab -> ((QueryTabView) tab.getContent()).flush());
    }

    public QueryTabView selectedTabView() {
        Tab tab = tabPane.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof QueryTabView view ? view : null;
    }

    public double navigatorDivider() {
        return split.getDividerPositions()[0];
    }

    public void setNavigatorDivider(double position) {
        split.setDividerPositions(position);
    }
}
