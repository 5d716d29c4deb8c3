package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.WidgetViewModel;
import java.nio.file.Path;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The edit-mode screenshot of docs/images/ (README): the demo Executive scorecard in edit mode, each widget with
 * its drag bar, remove button and resize corner, a new text widget added below.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.DashboardEditScreenshots <server url> <api key> <output dir>}
 */
public final class DashboardEditScreenshots {

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1440, 900);
        SightlineApp app = window.app();
        Dashboard dashboard = app.workbench().client().dashboards("Executive scorecard", false, 1, 20).results()
                .stream().filter(d -> d.name().equals("Executive scorecard")).findFirst().orElseThrow();
        on(() -> {
            app.workbench().dashboards().open(dashboard);
            return null;
        });
        waitFor(30, () -> shown() != null && shown().model().id() == dashboard.id());
        waitFor(120, () -> shown().model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                .allMatch(w -> !w.loadingProperty().get() && (w.resultProperty().get() != null
                        || !w.errorProperty().get().isEmpty())));
        on(() -> {
            shown().model().edit().start();
            shown().model().edit().addText("### Notes\nTargets are **monthly**; see the finance wiki.");
            return null;
        });
        Thread.sleep(2500);
        window.capture("dashboard-edit-mode");
        ScreenshotWindow.close();
    }

    private static DashboardView shown() {
        TabPane editors = (TabPane) Stage.getWindows().get(0).getScene().lookup("#editor-tabs");
        var tab = editors.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
    }
}
