package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.admin.AuditLogView;
import io.sightline.desktop.admin.AuditLogViewModel;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.AuditLogClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;

/**
 * Admin → Audit log over a few changes an admin makes through the API (a data source, two users, a group and a
 * member, a query run, a refused sign-in), with the query run's event chosen so its JSON shows; captures the
 * screen's window with ImageMagick's {@code import}. Starts the test server (build its jar first).
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.AuditLogScreenshot <output dir>}
 */
public final class AuditLogScreenshot {

    public static void main(String[] args) throws Exception {
        String url = TestServer.get().url();
        SightlineClient admin = new SightlineClient(url, TestServer.ADMIN_KEY);
        DataSourcesClient adminDataSources = new DataSourcesClient(admin);
        GroupsClient adminGroups = new GroupsClient(admin);
        UsersClient adminUsers = new UsersClient(admin);
        long demo = adminDataSources.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        adminDataSources.createDataSource("Staging warehouse", "h2", Map.of("url", "jdbc:h2:mem:staging;DB_CLOSE_DELAY=-1"));
        User dana = adminUsers.createUser("Dana Analyst", "dana@example.com", "dana-secret-1");
        adminUsers.createUser("Omar Ops", "omar@example.com", "omar-secret-1");
        var group = adminGroups.createGroup("Finance");
        adminGroups.addGroupMember(group.id(), dana.id());
        adminGroups.grantDataSource(group.id(), demo, true);
        try {
            new SessionClient(new SightlineClient(url, "")).logIn("dana@example.com", "wrong password");
        } catch (ApiException refused) {
            // recorded as login_failed
        }
        new RunsClient(new SightlineClient(url, dana.apiKey())).run(demo,
                "SELECT region, SUM(revenue) AS revenue FROM sales.daily_revenue GROUP BY region", Map.of(), null);
        Thread.sleep(3000); // the run finishes and records its end

        ScreenshotWindow window = ScreenshotWindow.open(url, TestServer.ADMIN_KEY, Path.of(args[0]), 1440, 900);
        SightlineApp app = window.app();
        AuditLogViewModel model = on(() -> {
            AuditLogViewModel created = new AuditLogViewModel(new AuditLogClient(app.workbench().client()),
                    app.workbench().tasks());
            AuditLogView view = new AuditLogView(created);
            view.initOwner(Stage.getWindows().get(0));
            view.show();
            view.setX(40);
            view.setY(60);
            return created;
        });
        waitFor(30, () -> !model.rows().isEmpty());
        on(() -> {
            model.selectedProperty().set(model.rows().stream().filter(r -> r.action().equals("execute_query"))
                    .findFirst().orElse(model.rows().get(0)));
            return null;
        });
        Thread.sleep(1500);
        javafx.stage.Window dialog = on(() -> Stage.getWindows().stream().filter(w -> w != Stage.getWindows().get(0))
                .reduce((a, b) -> b).orElseThrow());
        window.capture("audit-log", dialog);
        ScreenshotWindow.close();
    }
}
