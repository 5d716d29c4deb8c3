package io.sightline.desktop.dashboard;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Keeps a tab per opened dashboard among the editor tabs, and brings the one opened last forward. */
public final class DashboardTabs {

    private DashboardTabs() {
    }

    public static void follow(DashboardListViewModel dashboards, TabPane tabPane) {
        Map<DashboardViewModel, Tab> tabs = new HashMap<>();
        dashboards.openDashboards().addListener((ListChangeListener<DashboardViewModel>) change -> {
            for (DashboardViewModel model : dashboards.openDashboards()) {
                tabs.computeIfAbsent(model, m -> {
                    Tab tab = new Tab();
                    tab.textProperty().bind(m.nameProperty());
                    tab.setContent(new DashboardView(m));
                    tab.getStyleClass().add("dashboard-tab");
                    tab.setOnClosed(e -> dashboards.close(m));
                    tabPane.getTabs().add(tab);
                    return tab;
                });
            }
            tabs.entrySet().removeIf(entry -> {
                if (dashboards.openDashboards().contains(entry.getKey())) {
                    return false;
                }
                tabPane.getTabs().remove(entry.getValue());
                return true;
            });
        });
        dashboards.shownProperty().addListener((obs, old, shown) -> {
            if (shown != null && tabs.containsKey(shown)) {
                tabPane.getSelectionModel().select(tabs.get(shown));
            }
        });
    }
}
