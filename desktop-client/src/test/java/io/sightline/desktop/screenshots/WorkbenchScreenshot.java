package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.selectedContent;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.editor.QueryTabView;
import io.sightline.desktop.editor.QueryTabViewModel;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The README's first look at the workbench (docs/images/workbench.png): the saved queries in the navigator, a demo
 * query formatted (Ctrl+Shift+F) with its parameters form, run, and its result drawn as the query's column chart.
 * Run: {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.WorkbenchScreenshot <server url> <api key> <output dir>}
 */
public final class WorkbenchScreenshot {

    private static final String QUERY = "sales__revenue_by_region__v1";

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1600, 1000);
        SightlineApp app = window.app();
        Query query = new QueriesClient(app.workbench().client()).queries(QUERY, false, 1, 20).results().stream()
                .filter(q -> q.name().equals(QUERY)).findFirst().orElseThrow();
        on(() -> {
            TabPane navigator = (TabPane) Stage.getWindows().get(0).getScene().lookup("#navigator");
            navigator.getTabs().stream().filter(tab -> "queries-tab".equals(tab.getId())).findFirst()
                    .ifPresent(tab -> navigator.getSelectionModel().select(tab));
            app.workbench().openQuery(query.id());
            return null;
        });
        waitFor(30, () -> tab(app) != null && Long.valueOf(query.id()).equals(tab(app).queryIdProperty().get()));
        Thread.sleep(500);
        on(() -> {
            QueryTabView view = (QueryTabView) selectedContent();
            view.editor().formatSql();
            view.setDividers(0.42, 0.74);
            ((Button) view.lookup("#run-button")).fire();
            return null;
        });
        waitFor(90, () -> tab(app).visualizations().resultProperty().get() != null);
        on(() -> {
            TabPane tabs = (TabPane) selectedContent().lookup("#visualization-tabs");
            tabs.getTabs().stream().filter(t -> t.getText().equals("Revenue by region")).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
        Thread.sleep(1500);
        window.capture("workbench");
        ScreenshotWindow.close();
    }

    private static QueryTabViewModel tab(SightlineApp app) {
        return app.workbench().selectedProperty().get();
    }
}
