package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Groups screen's logic against the real server: groups, members, data source access. */
class GroupAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final GroupsClient groupsApi = new GroupsClient(client);
    private final UsersClient usersApi = new UsersClient(client);
    private final GroupAdminViewModel admin = new GroupAdminViewModel(groupsApi, usersApi,
            new DataSourcesClient(client), Tasks.serialUi());

    private void loaded() {
        admin.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.groups().isEmpty() && !admin.users().isEmpty());
    }

    private void awaitMessage(String start) {
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith(start));
    }

    private Group createdGroup() {
        loaded();
        String name = "crew-" + UUID.randomUUID().toString().substring(0, 8);
        admin.create(name);
        awaitMessage("Created");
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.access().isEmpty());
        return admin.selectedProperty().get();
    }

    @Test
    void newGroupHasNoAccessUntilGivenAndViewOnlyIsStoredOnTheServer() {
        Group crew = createdGroup();
        DataSourceAccess demo = admin.access().stream().filter(a -> a.dataSourceName().equals("Demo sales"))
                .findFirst().orElseThrow();
        assertThat(demo.level()).isEqualTo(DataSourceAccess.Level.NONE);

        admin.setAccess(demo, DataSourceAccess.Level.VIEW_ONLY);
        awaitMessage("\"" + crew.name() + "\": view only");
        assertThat(groupsApi.groupDataSources(crew.id())).extracting(GroupDataSource::name, GroupDataSource::viewOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Demo sales", true));

        DataSourceAccess viewOnly = admin.access().stream().filter(a -> a.dataSourceId() == demo.dataSourceId())
                .findFirst().orElseThrow();
        admin.setAccess(viewOnly, DataSourceAccess.Level.NONE);
        awaitMessage("\"" + crew.name() + "\": no access");
        assertThat(groupsApi.groupDataSources(crew.id())).isEmpty();
    }

    @Test
    void membersAreAddedAndRemoved() {
        Group crew = createdGroup();
        User eve = usersApi.createUser("Eve", "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null);
        loaded();

        admin.addMember(eve);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.members().stream().anyMatch(u -> u.id() == eve.id()));
        assertThat(groupsApi.groupMembers(crew.id())).extracting(User::id).containsExactly(eve.id());

        admin.removeMember(eve);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.members().isEmpty());
    }

    @Test
    void renamesAndDeletesARegularGroupButKeepsBuiltinOnes() {
        Group crew = createdGroup();
        admin.nameProperty().set(crew.name() + "-renamed");
        admin.rename();
        awaitMessage("Renamed");
        assertThat(groupsApi.groups()).extracting(Group::name).contains(crew.name() + "-renamed");

        admin.delete();
        awaitMessage("Deleted");
        assertThat(groupsApi.groups()).extracting(Group::id).doesNotContain(crew.id());

        Group builtin = admin.groups().stream().filter(Group::builtin).findFirst().orElseThrow();
        admin.select(builtin);
        admin.delete();
        assertThat(admin.messageProperty().get()).contains("cannot be deleted");
    }
}
