package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.admin.AuditLogViewModel;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin → Audit log in the real window: the changes an admin just made through the API are listed, and filtering
 * by action shows exactly those of that action; a user who is not an admin has no such menu item.
 */
class AuditLogUiTest extends UiSupport {

    @TempDir
    Path home;

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient adminDataSources = new DataSourcesClient(admin);
    private final UsersClient adminUsers = new UsersClient(admin);
    private final String marker = "log" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() throws Exception {
        close();
    }

    @SuppressWarnings("unchecked")
    private List<AuditLogViewModel.Row> rows() {
        return fx(() -> List.copyOf(lookup("#audit-table").queryAs(TableView.class).getItems()));
    }

    private String error() {
        return fx(() -> lookup("#audit-error").queryAs(Label.class).getText());
    }

    @Test
    void filteringByActionShowsExactlyTheChangesOfThatAction() throws Exception {
        // the test server runs on this machine (same clock); to the millisecond, so earlier tests' events stay out
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        long source = adminDataSources.createDataSource(marker + " warehouse", "h2",
                Map.of("url", "jdbc:h2:mem:" + marker + ";DB_CLOSE_DELAY=-1"));
        User ada = adminUsers.createUser("Ada " + marker, marker + "-ada@example.com", "ada-secret-" + marker);
        User bob = adminUsers.createUser("Bob " + marker, marker + "-bob@example.com", "bob-secret-" + marker);
        adminUsers.updateUser(ada.id(), Map.of("name", "Ada Renamed " + marker));

        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent());
        clickOn("Admin");
        clickOn("Audit log\u2026");
        waitUntil(15, "the newest events listed", () -> !rows().isEmpty());

        clickOn("#audit-since").write(start.toString());
        Node actionEditor = fx(() -> lookup("#audit-action .text-field").query());
        clickOn(actionEditor).write("create");
        clickOn("#audit-search");
        waitUntil(15, "the filtered events", () -> rows().size() == 3);
        assertThat(error()).isEmpty();
        assertThat(rows()).extracting(AuditLogViewModel.Row::object).containsExactly("user " + bob.id(),
                "user " + ada.id(), "data_source " + source);
        assertThat(rows()).extracting(AuditLogViewModel.Row::action).containsOnly("create");
        assertThat(rows().get(2).details()).contains("name=" + marker + " warehouse").contains("type=h2");
        assertThat(fx(() -> lookup("#audit-page").queryAs(Label.class).getText())).startsWith("Events 1\u20133 of 3");

        AuditLogViewModel.Row adaCreated = rows().get(1);
        Node secondRow = fx(() -> lookup("#audit-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> row.getItem() == adaCreated).query());
        clickOn(secondRow);
        waitUntil(5, "the event's JSON", () -> fx(() -> lookup("#audit-detail").queryAs(TextArea.class).getText())
                .contains(marker + "-ada@example.com"));

        clickOn(actionEditor);
        interact(() -> ((javafx.scene.control.TextField) actionEditor).selectAll());
        write("edit");
        clickOn("#audit-search");
        waitUntil(15, "only the edit", () -> rows().size() == 1 && rows().get(0).action().equals("edit"));
        assertThat(rows().get(0).object()).isEqualTo("user " + ada.id());
    }

    @Test
    void aFilterTheServerRefusesIsShownInTheScreen() throws Exception {
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent());
        clickOn("Admin");
        clickOn("Audit log\u2026");
        clickOn("#audit-until").write("next week");
        clickOn("#audit-search");
        waitUntil(15, "the server's refusal", () -> error().contains("'until'"));
        assertThat(error()).contains("next week");
    }

    @Test
    void aUserWhoIsNotAnAdminHasNoAuditLog() throws Exception {
        User viewer = adminUsers.createUser("Vic " + marker, marker + "-vic@example.com", "vic-secret-" + marker);
        launch(new LaunchOptions(TestServer.get().url(), viewer.apiKey()), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent());
        List<String> items = fx(() -> lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).map(MenuItem::getText).toList());
        assertThat(items).contains("Keyboard shortcuts").doesNotContain("Audit log\u2026");
        assertThat(fx(() -> lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream().map(Menu::getText)
                .toList())).doesNotContain("Admin");
    }
}
