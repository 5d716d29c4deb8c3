package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.alert.AlertEditorView;
import io.sightline.desktop.alert.AlertListViewModel;
import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The alert editor of an existing alert with its subscriptions, in the real window on a real X display: creates a
 * query on the demo data source, an alert on it and a Slack destination it is sent to, opens the alert as the
 * alerts list does, and captures the screen with ImageMagick's {@code import -window root}.
 * Run: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.AlertScreenshots <server url> <api key> <output dir>}
 */
public final class AlertScreenshots {

    public static void main(String[] args) throws Exception {
        AlertSummary alert = preparedAlert(new SightlineClient(args[0], args[1]));
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1280, 800);
        SightlineApp app = window.app();
        on(() -> {
            var list = new AlertListViewModel(app.workbench().client(), app.workbench().tasks());
            AlertEditorView editor = new AlertEditorView(list.editor(alert), list.subscriptions(alert));
            editor.initOwner(Stage.getWindows().get(0));
            editor.show();
            editor.setX(400);
            editor.setY(40);
            return null;
        });
        waitFor(30, () -> editorWindow() != null
                && !((ListView<?>) editorWindow().getScene().lookup("#alert-subscriptions")).getItems().isEmpty());
        Thread.sleep(1500);
        window.capture("alert-editor");
        ScreenshotWindow.close();
    }

    private static AlertSummary preparedAlert(SightlineClient client) throws InterruptedException {
        long demo = new DataSourcesClient(client).dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        Query query = new QueriesClient(client).createQuery(new QueryDraft(demo, "Failed payments today", "",
                "SELECT 14 AS failed_payments", List.of(), List.of(), null));
        new RunsClient(client).runSaved(query.id(), Map.of());
        for (int i = 0; i < 150 && new QueriesClient(client).query(query.id()).latestQueryDataId() == null; i++) {
            Thread.sleep(200);
        }
        AlertSummary alert = new AlertsClient(client).createAlert("Too many failed payments", query.id(), Map.of("column",
                "failed_payments", "op", ">", "value", 10, "custom_subject", "{{ALERT_NAME}}: {{ALERT_STATUS}}"), 3600);
        long ops = new DestinationsClient(client).saveDestination(null, "#payments-oncall", "slack",
                Map.of("url", "http://127.0.0.1:9/hook")).id();
        new AlertsClient(client).subscribe(alert.id(), ops);
        return alert;
    }

    private static Window editorWindow() {
        return Stage.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#alert-subscriptions") != null).findFirst().orElse(null);
    }
}
