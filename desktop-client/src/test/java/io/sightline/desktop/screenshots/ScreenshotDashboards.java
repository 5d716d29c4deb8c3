package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.WidgetViewModel;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** Demo dashboards opened in the screenshot window's workbench, as a user opens them from the navigator. */
final class ScreenshotDashboards {

    private ScreenshotDashboards() {
    }

    /** Opens the dashboard called {@code name} in a tab and answers its view once it is the one shown. */
    static DashboardView open(SightlineApp app, String name) throws Exception {
        Dashboard dashboard = new DashboardsClient(app.workbench().client()).dashboards(name, false, 1, 20).results().stream()
                .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        on(() -> {
            app.workbench().dashboards().open(dashboard);
            return null;
        });
        waitFor(30, () -> shown() != null && shown().model().id() == dashboard.id());
        return on(ScreenshotDashboards::shown);
    }

    /** Waits until every visualization widget of {@code view} has its result or its error. */
    static void drawn(DashboardView view) throws Exception {
        waitFor(120, () -> view.model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                .allMatch(w -> !w.loadingProperty().get() && (w.resultProperty().get() != null
                        || !w.errorProperty().get().isEmpty())));
    }

    /** The dashboard in the selected editor tab; null when that tab holds something else. */
    static DashboardView shown() {
        TabPane editors = (TabPane) Stage.getWindows().get(0).getScene().lookup("#editor-tabs");
        var tab = editors.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
    }
}
