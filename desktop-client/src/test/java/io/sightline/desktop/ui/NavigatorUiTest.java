package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The navigator in the real window: favourites, recent, mine and the dashboards list. */
class NavigatorUiTest extends UiSupport {

    @TempDir
    Path home;

    private final String marker = "navui" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent()
                && !app.workbench().schema().dataSources().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    private Query saved(String name) {
        var client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        return queriesApi.createQuery(new QueryDraft(dataSourcesApi.dataSources().get(0).id(), marker + " " + name, "",
                "SELECT '" + name + "' AS name", List.of(), List.of(), null));
    }

    @SuppressWarnings("unchecked")
    private ListView<Query> queryList() {
        return lookup("#query-list").queryAs(ListView.class);
    }

    /** A node inside the shown cell of the item that {@code item} accepts (cells get new graphics on each update). */
    private static <T> Node inCell(ListView<T> list, Predicate<T> item,
                                                String selector) {
        return fx(() -> list.lookupAll(".list-cell").stream()
                .map(node -> (ListCell<?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null)
                .filter(cell -> item.test(list.getItems().get(cell.getIndex())))
                .map(cell -> cell.lookup(selector)).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError("no shown cell with " + selector)));
    }

    private Node inQueryCell(String name, String selector) {
        return inCell(queryList(), q -> q.name().equals(marker + " " + name), selector);
    }

    private void showQueriesOfThisTest() {
        clickOn("Queries");
        clickOn("#query-search").write(marker);
    }

    private void showing(String what, String... names) {
        waitUntil(15, what, () -> queryList().getItems().stream().map(q -> q.name().substring(marker.length() + 1))
                .toList().equals(List.of(names)));
    }

    @Test
    void aStarredQueryShowsUnderFavourites() {
        saved("plain");
        saved("starred");
        showQueriesOfThisTest();
        showing("both queries", "starred", "plain");
        Label star = (Label) inQueryCell("starred", ".query-star");
        assertThat(fx(star::getText)).isEqualTo("\u2606");

        clickOn(star);
        waitUntil(10, "the query starred", () -> queryList().getItems().get(0).favorite());
        clickOn("#scope-favorites");

        showing("the favourite only", "starred");
        assertThat(fx(() -> ((Label) inQueryCell("starred", ".query-star")).getText())).isEqualTo("\u2605");

        clickOn(inQueryCell("starred", ".query-name"));
        // Monocle turns no right-click into a context-menu request, so the menu is opened as that request would
        interact(() -> queryList().getContextMenu().show(queryList(), Side.BOTTOM, 0, 0));
        clickOn("Remove from favourites");
        showing("no favourites left");
        assertThat(fx(() -> lookup("#query-list-message").queryAs(Label.class).getText()))
                .startsWith("No query matches");
    }

    @Test
    void anOpenedQueryShowsFirstUnderRecent() {
        saved("opened");
        saved("saved later");
        showQueriesOfThisTest();
        showing("both queries", "saved later", "opened");

        doubleClickOn(inQueryCell("opened", ".query-name"));
        waitUntil(15, "the query open in a tab", () -> lookup("#editor-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText().equals(marker + " opened"));
        clickOn("#scope-recent");

        showing("the opened query first", "opened", "saved later");
    }

    @Test
    void aQuerySavedInTheWindowShowsUnderMine() {
        clickOn(fx(() -> (CodeArea) lookup("#editor-tabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getContent().lookup("#sql-area")));
        write("SELECT 42 AS answer");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(5, "the save dialog", () -> lookup("#query-name-field").tryQuery().isPresent());
        clickOn("#query-name-field").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(marker + " mine").type(KeyCode.ENTER);
        waitUntil(15, "the tab named after the saved query", () -> lookup("#editor-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText().equals(marker + " mine"));

        showQueriesOfThisTest();
        clickOn("#scope-mine");

        showing("the saved query under Mine", "mine");
        assertThat(fx(() -> app.workbench().queries().scopeProperty().get().name())).isEqualTo("MINE");
    }

    @Test
    void theDashboardsListShowsNameTagsAndDetails() {
        Dashboard created = new DashboardsClient(app.workbench().client()).createDashboard(marker + " board", List.of("finance"));
        clickOn("Dashboards");
        clickOn("#dashboard-search").write(marker);
        @SuppressWarnings("unchecked")
        ListView<Dashboard> list = lookup("#dashboard-list").queryAs(ListView.class);
        waitUntil(15, "the dashboard listed", () -> list.getItems().size() == 1
                && list.getItems().get(0).id() == created.id());
        Label name = (Label) inCell(list, d -> d.id() == created.id(), ".dashboard-name");
        assertThat(fx(name::getText)).isEqualTo(marker + " board");
        assertThat(fx(() -> ((Label) inCell(list, d -> d.id() == created.id(), ".muted")).getText()))
                .endsWith("#finance");

        doubleClickOn(name, MouseButton.PRIMARY);

        waitUntil(10, "the details", () -> lookup("#dashboard-details").queryAs(Label.class).isVisible());
        assertThat(fx(() -> lookup("#dashboard-details").queryAs(Label.class).getText()))
                .startsWith(marker + " board").contains("Tags: #finance").contains("Widgets: 0");

        interact(() -> lookup("#dashboard-search").queryAs(TextField.class).clear());
        waitUntil(15, "the demo dashboard", () -> list.getItems().stream()
                .anyMatch(d -> d.name().equals("Demo sales overview")));
    }
}
