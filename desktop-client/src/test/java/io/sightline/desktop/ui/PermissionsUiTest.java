package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.auth.User;
import io.sightline.common.api.query.Query;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;

/**
 * A query's Manage permissions dialog in the real window: the owner adds a second user from the user list, who may
 * then save the query with their own key, and removes them again, after which the server refuses their save.
 */
class PermissionsUiTest extends WorkbenchWindowTest {

    @Test
    void permissionsGrantedInTheDialogLetASecondUserSaveTheQueryAndTheFirstRevokeItAgain() {
        SightlineClient owner = app.workbench().client();
        DataSourcesClient ownerDataSources = new DataSourcesClient(owner);
        GroupsClient ownerGroups = new GroupsClient(owner);
        QueriesClient ownerQueries = new QueriesClient(owner);
        UsersClient ownerUsers = new UsersClient(owner);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long demo = ownerDataSources.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        Query query = ownerQueries.createQuery(new QueryDraft(demo, "shared upkeep " + marker, "", "SELECT 1 AS n",
                List.of(), List.of(), null));
        User second = ownerUsers.createUser("Second " + marker, "second-" + marker + "@example.com", null);
        long group = ownerGroups.createGroup("editors " + marker).id();
        ownerGroups.addGroupMember(group, second.id());
        ownerGroups.grantDataSource(group, demo, false);
        SightlineClient secondClient = new SightlineClient(TestServer.get().url(), second.apiKey());
        assertThat(renameAsSecondUser(secondClient, query.id()).status()).as("before any grant").isEqualTo(403);

        interact(() -> app.workbench().openQuery(query.id()));
        waitUntil(30, "the query's tab", () -> fx(() -> app.workbench().selectedProperty().get() != null
                && Long.valueOf(query.id()).equals(app.workbench().selectedProperty().get().queryIdProperty().get())));
        // in the toolbar at the window's 1280 px, not behind its overflow arrow (QueryToolbarUiTest)
        waitUntil(20, "the tab's Permissions button", () -> inTab("#permissions-button", Button.class) != null
                && inTab("#permissions-button", Button.class).getScene() != null);
        clickOn(inTab("#permissions-button", Button.class));
        waitUntil(20, "the dialog with the user list", () -> lookup("#permissions-user").tryQuery().isPresent()
                && userBox().getItems().stream().anyMatch(u -> u.id() == second.id()));
        assertThat(granted().getItems()).isEmpty();

        chooseInTheUserList(second);
        clickOn("#permissions-add");
        waitUntil(10, "the second user listed as granted", () -> granted().getItems().stream()
                .anyMatch(u -> u.id() == second.id()));
        assertThat(userBox().getItems()).noneMatch(u -> u.id() == second.id());
        snapshotDialog("sightline-permissions-dialog.png");

        assertThat(renameAsSecondUser(secondClient, query.id())).as("granted: the second user saves").isNull();
        assertThat(ownerQueries.query(query.id()).name()).isEqualTo("saved by the second user");
        assertThat(new QueriesClient(secondClient).query(query.id()).canEdit()).isTrue();

        clickOn("#permissions-remove-" + second.id());
        waitUntil(10, "the grant removed", () -> granted().getItems().isEmpty()
                && lookup("#permissions-message").queryLabeled().getText().contains("may no longer edit"));
        ApiException refused = renameAsSecondUser(secondClient, query.id());
        assertThat(refused).as("revoked: the server refuses again").isNotNull();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(new QueriesClient(secondClient).query(query.id()).canEdit()).isFalse();
        clickOn("Close");
    }

    @Test
    void theDashboardTabHasTheSameDialog() {
        SightlineClient owner = app.workbench().client();
        DashboardsClient ownerDashboards = new DashboardsClient(owner);
        UsersClient ownerUsers = new UsersClient(owner);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        var dashboard = ownerDashboards.createDashboard("shared board " + marker, List.of());
        User second = ownerUsers.createUser("Board " + marker, "board-" + marker + "@example.com", null);
        SightlineClient secondClient = new SightlineClient(TestServer.get().url(), second.apiKey());
        assertThat(new DashboardsClient(secondClient).dashboard(dashboard.id()).canEdit()).isFalse();

        interact(() -> app.workbench().dashboards().open(dashboard));
        waitUntil(20, "the dashboard's Permissions button", () -> lookup("#dashboard-permissions").tryQuery()
                .map(Node::isVisible).orElse(false));
        clickOn("#dashboard-permissions");
        waitUntil(20, "the dialog with the user list", () -> lookup("#permissions-user").tryQuery().isPresent()
                && userBox().getItems().stream().anyMatch(u -> u.id() == second.id()));
        chooseInTheUserList(second);
        clickOn("#permissions-add");
        waitUntil(10, "the second user listed as granted", () -> granted().getItems().stream()
                .anyMatch(u -> u.id() == second.id()));
        assertThat(new DashboardsClient(secondClient).dashboard(dashboard.id()).canEdit()).as("granted in the dialog").isTrue();

        clickOn("#permissions-remove-" + second.id());
        waitUntil(10, "the grant removed", () -> granted().getItems().isEmpty());
        assertThat(new DashboardsClient(secondClient).dashboard(dashboard.id()).canEdit()).isFalse();
        clickOn("Close");
    }

    /**
     * Opens the user list's popup and clicks the user's row in it, as a user would; the list is virtual, and with the
     * users earlier tests made the row may first have to be scrolled into it.
     */
    private void chooseInTheUserList(User user) {
        clickOn(userBox());
        waitUntil(10, "the user list's popup", () -> userBox().isShowing() && popupList().isPresent());
        interact(() -> popupList().orElseThrow().scrollTo(userBox().getItems().stream()
                .filter(u -> u.id() == user.id()).findFirst().orElseThrow()));
        waitUntil(10, "the user's row shown in the popup", () -> rowOf(user).isPresent());
        clickOn(fx(() -> rowOf(user).orElseThrow()));
        waitUntil(10, "the user chosen and the popup closed", () -> !userBox().isShowing()
                && userBox().getValue() != null && userBox().getValue().id() == user.id());
    }

    @SuppressWarnings("unchecked")
    private Optional<ListView<User>> popupList() {
        return lookup(".combo-box-popup .list-view").tryQuery().map(list -> (ListView<User>) list);
    }

    /** The popup's row of {@code user}, when it is drawn (the list draws only the rows in view). */
    @SuppressWarnings("unchecked")
    private Optional<ListCell<User>> rowOf(User user) {
        return lookup(".combo-box-popup .list-cell").queryAll().stream().map(cell -> (ListCell<User>) cell)
                .filter(cell -> cell.isVisible() && cell.getItem() != null && cell.getItem().id() == user.id())
                .findFirst();
    }

    /** The second user renames the query; the refusal, or null when it was saved. */
    private static ApiException renameAsSecondUser(SightlineClient client, long queryId) {
        Query current = new QueriesClient(client).query(queryId);
        try {
            new QueriesClient(client).updateQuery(queryId, new QueryDraft(current.dataSourceId(), "saved by the second user", "",
                    current.query(), List.of(), List.of(), current.version()));
            return null;
        } catch (ApiException refused) {
            return refused;
        }
    }

    @SuppressWarnings("unchecked")
    private ComboBox<User> userBox() {
        return lookup("#permissions-user").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<User> granted() {
        return lookup("#permissions-granted").queryAs(ListView.class);
    }

    /** The dialog as drawn, into the temporary directory (for docs/images/). */
    private void snapshotDialog(String file) {
        javafx.scene.image.WritableImage image = fx(() -> lookup("#permissions-granted").query().getScene()
                .snapshot(null));
        var buffered = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        try {
            javax.imageio.ImageIO.write(buffered, "png", Path.of(System.getProperty("java.io.tmpdir"), file).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
