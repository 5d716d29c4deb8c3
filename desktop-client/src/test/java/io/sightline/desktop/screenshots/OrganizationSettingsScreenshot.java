package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.admin.OrganizationSettingsView;
import io.sightline.desktop.admin.OrganizationSettingsViewModel;
import io.sightline.desktop.api.OrganizationSettingsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.editor.QueryTabViewModel;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;

/**
 * Admin → Organization settings in the real window on a real X display, over a result the grid shows in the
 * formats just saved: runs a query of the demo data, saves the ISO date format and a dollar float format
 * in the screen, and captures the screen with ImageMagick's {@code import -window root}; the settings go back to
 * their defaults afterwards. Starts the test server (build its jar first).
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.OrganizationSettingsScreenshot <output dir>}
 */
public final class OrganizationSettingsScreenshot {

    public static void main(String[] args) throws Exception {
        String url = TestServer.get().url();
        OrganizationSettingsClient settings = new OrganizationSettingsClient(new SightlineClient(url,
                TestServer.ADMIN_KEY));
        ScreenshotWindow window = ScreenshotWindow.open(url, TestServer.ADMIN_KEY, Path.of(args[0]), 1440, 900);
        SightlineApp app = window.app();
        QueryTabViewModel tab = on(() -> app.workbench().selectedProperty().get());
        on(() -> {
            tab.textProperty().set("SELECT day, region, revenue, transactions FROM sales.daily_revenue\n"
                    + "ORDER BY day, region LIMIT 40");
            tab.run(tab.textProperty().get(), 1);
            return null;
        });
        waitFor(60, () -> tab.results().rowsProperty().get() != null && !tab.results().rowsProperty().get().isEmpty());
        OrganizationSettingsViewModel model = on(() -> {
            OrganizationSettingsViewModel created = new OrganizationSettingsViewModel(app.workbench().client(),
                    app.workbench().tasks());
            OrganizationSettingsView view = new OrganizationSettingsView(created);
            view.initOwner(Stage.getWindows().get(0));
            view.show();
            view.setX(700);
            view.setY(120);
            return created;
        });
        waitFor(30, () -> "DD/MM/YY".equals(model.dateFormatProperty().get()));
        try {
            on(() -> {
                model.dateFormatProperty().set("YYYY-MM-DD");
                model.timeFormatProperty().set("HH:mm:ss");
                model.floatFormatProperty().set("$0,0.00");
                model.save();
                return null;
            });
            waitFor(30, () -> model.messageProperty().get().startsWith("Saved"));
            Thread.sleep(1500);
            window.capture("organization-settings");
        } finally {
            Map<String, Object> reset = new HashMap<>();
            List.of("date_format", "time_format", "integer_format", "float_format").forEach(k -> reset.put(k, null));
            settings.save(reset);
        }
        ScreenshotWindow.close();
    }
}
