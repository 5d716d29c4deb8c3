package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.auth.User;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view-only user in the real window (issue 8): their only group reaches the demo data source view-only, and a second
 * data source holds an admin's query they must not see. They get no Admin menu, only the reachable data source in the
 * schema browser, only its queries in the list; a saved safe query runs; saving is refused with the server's message
 * shown in the tab, and nothing changes on the server. All of it is checked and reported at once.
 */
class ViewOnlyUiTest extends UiSupport {

    @TempDir
    Path home;

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient adminDataSources = new DataSourcesClient(admin);
    private final GroupsClient adminGroups = new GroupsClient(admin);
    private final QueriesClient adminQueries = new QueriesClient(admin);
    private final UsersClient adminUsers = new UsersClient(admin);
    private final String marker = "viewonlyui" + UUID.randomUUID().toString().substring(0, 8);
    private String hiddenSource;
    private Query visible;
    private Query hidden;

    @BeforeEach
    void viewOnlyUserAndAQueryOnADataSourceTheyDoNotReach() throws Exception {
        long demo = adminDataSources.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst().orElseThrow()
                .id();
        hiddenSource = marker + " hidden source";
        long other = adminDataSources.createDataSource(hiddenSource, "h2",
                Map.of("url", "jdbc:h2:mem:" + marker + ";DB_CLOSE_DELAY=-1"));
        var group = adminGroups.createGroup(marker + " viewers");
        adminGroups.grantDataSource(group.id(), demo, true);
        User viewer = adminUsers.createUser("Viola " + marker, marker + "@example.com", "viola-secret");
        // only the view-only group: the default group reaches the demo data source fully
        adminUsers.updateUser(viewer.id(), Map.of("groups", List.of(group.id())));
        visible = adminQueries.createQuery(new QueryDraft(demo, marker + " visible", "", "SELECT 42 AS answer",
                List.of(), List.of(), null));
        hidden = adminQueries.createQuery(new QueryDraft(other, marker + " hidden", "", "SELECT 'secret' AS s",
                List.of(), List.of(), null));

        launch(new LaunchOptions(TestServer.get().url(), viewer.apiKey()), home);
        waitUntil(20, "the workbench with its data sources", () -> lookup("#sql-area").tryQuery().isPresent()
                && !app.workbench().schema().dataSources().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    @SuppressWarnings("unchecked")
    private ListView<Query> queryList() {
        return lookup("#query-list").queryAs(ListView.class);
    }

    private String tabMessage() {
        return fx(() -> inTab("#tab-message", Label.class).getText());
    }

    @Test
    void seesOnlyWhatTheirAccessReachesRunsASavedQueryAndCannotSave() {
        var soft = new SoftAssertions();
        soft.assertThat(fx(() -> lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream().map(Menu::getText)
                .toList())).as("menus of a view-only user").doesNotContain("Admin").contains("File");
        soft.assertThat(fx(() -> app.workbench().schema().dataSources().stream().map(ds -> ds.name()).toList()))
                .as("data sources in the schema browser").contains("Demo sales").doesNotContain(hiddenSource);

        clickOn("Queries");
        clickOn("#query-search").write(marker);
        waitUntil(15, "the search applied and the visible query listed", () -> queryList().getItems().stream()
                .anyMatch(q -> q.id() == visible.id())
                && queryList().getItems().stream().allMatch(q -> q.name().startsWith(marker)));
        soft.assertThat(fx(() -> queryList().getItems().stream().map(Query::name).toList()))
                .as("queries listed to a view-only user (hole 3: only those of data sources they reach)")
                .containsExactly(visible.name());

        interact(() -> app.workbench().openQuery(visible.id()));
        waitUntil(15, "the saved query open", () -> editor().getText().equals("SELECT 42 AS answer"));
        clickOn(inTab("#run-button", Button.class));
        waitUntil(30, "the saved safe query run", () -> inTab("#result-summary", Label.class).getText()
                .startsWith("1 row"));

        clickOn(editor());
        write(" -- mine");
        clickOn(inTab("#save-button", Button.class));
        waitUntil(15, "an answer to the save", () -> !tabMessage().isEmpty());
        soft.assertThat(tabMessage()).as("the tab's message after saving someone else's query")
                .doesNotStartWith("Saved").contains("may");
        soft.assertThat(adminQueries.query(visible.id()).query()).as("the query's text on the server")
                .isEqualTo("SELECT 42 AS answer");

        String before = tabMessage();
        // the tab's toolbar may have moved its last buttons into its overflow menu: the shortcut reaches it anyway
        clickOn(editor()).press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(5, "the save-as dialog", () -> lookup("#query-name-field").tryQuery().isPresent());
        clickOn("#query-name-field").type(KeyCode.END).write(" mine").type(KeyCode.ENTER);
        waitUntil(15, "an answer to the save as a new query", () -> !tabMessage().equals(before));
        soft.assertThat(tabMessage()).as("the tab's message after saving a copy (hole 2: saving needs full access)")
                .doesNotStartWith("Saved");
        soft.assertThat(adminQueries.queries(marker, false, 1, 50).results()).extracting(Query::name)
                .as("queries on the server after the view-only user's saves")
                .containsExactlyInAnyOrder(visible.name(), hidden.name());
        soft.assertAll();
    }
}
