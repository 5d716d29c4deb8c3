package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.admin.DataSourceAccess;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's Users and Groups screens in the real window: create a user and a group, put the user in it, give the
 * group view-only access to the demo data source; the server then refuses the user's own SQL there.
 */
class UserAdminUiTest extends UiSupport {

    @TempDir
    Path home;

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient adminDataSources = new DataSourcesClient(admin);
    private final GroupsClient adminGroups = new GroupsClient(admin);
    private final UsersClient adminUsers = new UsersClient(admin);

    @BeforeEach
    void start() throws Exception {
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String selector) {
        return fx(() -> (ComboBox<T>) lookup(selector).queryAs(ComboBox.class));
    }

    private void openAdmin(String item) {
        clickOn("Admin");
        clickOn(item);
    }

    @Test
    void createsAUserAndAGroupWithViewOnlyAccessToTheDemoData() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "vera-" + suffix + "@example.com";

        openAdmin("Users\u2026");
        waitUntil(10, "the users list", () -> lookup("#users-list").tryQuery().isPresent());
        clickOn("#user-new");
        clickOn("#user-name").write("Vera " + suffix);
        clickOn("#user-email").write(email);
        clickOn("#user-password").write("vera-secret");
        clickOn("#user-save");
        waitUntil(10, "the user created", () -> lookup("#user-message").queryAs(Label.class).getText().startsWith("Created"));
        String key = fx(() -> lookup("#user-api-key").queryAs(TextField.class).getText());
        assertThat(key).hasSize(40);
        // the new user must not have access through the default group, or view-only would not matter
        waitUntil(10, "the group check boxes", () -> lookup("#user-group-default").queryAs(CheckBox.class).isSelected());
        clickOn("#user-group-default");
        clickOn("#user-save");
        waitUntil(10, "the user saved", () -> lookup("#user-message").queryAs(Label.class).getText().startsWith("Saved"));
        assertThat(fx(() -> lookup("#user-group-default").queryAs(CheckBox.class).isSelected())).isFalse();
        type(javafx.scene.input.KeyCode.ESCAPE);
        focusMainWindow();

        User vera = adminUsers.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
        assertThat(vera.groups()).isEmpty();
        String groupName = "viewers-" + suffix;
        long demo = adminDataSources.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst().orElseThrow().id();

        openAdmin("Groups\u2026");
        waitUntil(10, "the groups list", () -> lookup("#groups-list").tryQuery().isPresent());
        clickOn("#group-new-name").write(groupName);
        clickOn("#group-create");
        waitUntil(10, "the group created with its data source rows",
                () -> lookup("#group-access-" + demo).tryQuery().isPresent());
        Group group = adminGroups.groups().stream().filter(g -> g.name().equals(groupName)).findFirst().orElseThrow();

        ComboBox<User> candidates = combo("#group-member-candidate");
        interact(() -> candidates.getSelectionModel().select(candidates.getItems().stream()
                .filter(u -> u.id() == vera.id()).findFirst().orElseThrow()));
        clickOn("#group-add-member");
        waitUntil(10, "Vera a member", () -> lookup("#group-message").queryAs(Label.class).getText().startsWith("Added"));

        ComboBox<DataSourceAccess.Level> access = combo("#group-access-" + demo);
        interact(() -> access.setValue(DataSourceAccess.Level.VIEW_ONLY));
        waitUntil(10, "view-only access saved",
                () -> lookup("#group-message").queryAs(Label.class).getText().contains("view only"));

        assertThat(adminGroups.groupMembers(group.id())).extracting(User::id).containsExactly(vera.id());
        assertThat(adminGroups.groupDataSources(group.id())).extracting(GroupDataSource::id, GroupDataSource::viewOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(demo, true));
        SightlineClient asVera = new SightlineClient(TestServer.get().url(), key);
        DataSourcesClient asVeraDataSources = new DataSourcesClient(asVera);
        RunsClient asVeraRuns = new RunsClient(asVera);
        assertThat(asVeraDataSources.dataSources()).filteredOn(ds -> ds.id() == demo).singleElement()
                .satisfies(ds -> assertThat(ds.viewOnly()).isTrue());
        try {
            asVeraRuns.run(demo, "SELECT 1", Map.of(), null);
            throw new AssertionError("a view-only user ran their own SQL");
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.getMessage()).contains("view-only").contains("Demo sales");
        }
        assertThat(fx(() -> lookup("#group-delete").queryAs(Button.class).isDisabled())).isFalse();
    }
}
