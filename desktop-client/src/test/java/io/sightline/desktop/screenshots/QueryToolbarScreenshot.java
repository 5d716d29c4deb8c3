package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import java.util.List;
import java.util.Map;
import javafx.stage.Window;

/**
 * The editor toolbar of a draft query on a data source with a long name, in a window 1280 px wide (the workbench's
 * default), on a real X display, idle and while a query runs: to look at what QueryToolbarUiTest asserts (Publish,
 * History and Permissions… in the toolbar, the data source's name cut short).
 * Run: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.QueryToolbarScreenshot <server url> <api key> <output dir>}
 */
public final class QueryToolbarScreenshot {

    public static void main(String[] args) throws Exception {
        ScreenshotWindow screen = ScreenshotWindow.open(args[0], args[1], java.nio.file.Path.of(args[2]), 1280, 800);
        SightlineApp app = screen.app();
        SightlineClient client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        long source = dataSourcesApi.createDataSource("Regional sales warehouse replica for the finance team", "h2",
                Map.of("url", "jdbc:h2:mem:toolbar-shot;DB_CLOSE_DELAY=-1"));
        var draft = queriesApi.createQuery(new QueryDraft(source, "Quarterly margin by region", "",
                "SELECT 1 AS n", List.of(), List.of(), null));
        on(() -> {
            app.workbench().schema().loadDataSources();
            return null;
        });
        waitFor(30, () -> app.workbench().schema().dataSources().stream().anyMatch(ds -> ds.id() == source));
        on(() -> {
            app.workbench().openQuery(draft.id());
            return null;
        });
        waitFor(30, () -> app.workbench().selectedProperty().get() != null
                && Long.valueOf(draft.id()).equals(app.workbench().selectedProperty().get().queryIdProperty().get()));
        Thread.sleep(1500);
        screen.capture("query-toolbar-draft-1280", on(() -> Window.getWindows().get(0)));
        // and while a query runs: the run's status takes room, the query's buttons keep theirs
        on(() -> {
            var tab = app.workbench().selectedProperty().get();
            tab.textProperty().set("SELECT SUM(X % 7) AS s FROM SYSTEM_RANGE(1, 100000000000)");
            return null;
        });
        Thread.sleep(300);
        on(() -> {
            ((javafx.scene.control.Button) Window.getWindows().get(0).getScene().lookup("#run-button")).fire();
            return null;
        });
        Thread.sleep(2500);
        screen.capture("query-toolbar-running-1280", on(() -> Window.getWindows().get(0)));
        on(() -> {
            ((javafx.scene.control.Button) Window.getWindows().get(0).getScene().lookup("#cancel-button")).fire();
            return null;
        });
        Thread.sleep(1000);
        ScreenshotWindow.close();
    }
}
