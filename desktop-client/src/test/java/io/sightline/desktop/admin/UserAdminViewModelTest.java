package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Users screen's logic against the real server: create, edit groups, disable, new key. */
class UserAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final UserAdminViewModel admin = new UserAdminViewModel(client, Tasks.serialUi());

    private void loaded() {
        admin.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.users().isEmpty() && !admin.groups().isEmpty());
    }

    private void awaitMessage(String start) {
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith(start));
    }

    private User created() {
        loaded();
        admin.startNew();
        admin.nameProperty().set("Dora");
        admin.emailProperty().set("dora-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        admin.save();
        awaitMessage("Created");
        return admin.editingProperty().get();
    }

    @Test
    void namesEveryProblemOfTheFormBeforeSending() {
        loaded();
        admin.startNew();
        admin.emailProperty().set("dora.example.com");
        admin.passwordProperty().set("abc");

        assertThat(admin.problems()).containsExactly("Name is required", "\"dora.example.com\" is not an email address",
                "The password needs at least 6 characters");
        admin.save();
        assertThat(admin.messageProperty().get()).contains("Name is required");
    }

    @Test
    void createsAUserInTheDefaultGroupWhoseKeyWorks() {
        User dora = created();

        assertThat(admin.apiKeyProperty().get()).hasSize(40);
        long defaultGroup = admin.groups().stream().filter(g -> g.name().equals("default")).findFirst().orElseThrow().id();
        assertThat(dora.groups()).containsExactly(defaultGroup);
        assertThat(new SightlineClient(TestServer.get().url(), admin.apiKeyProperty().get()).session().email())
                .isEqualTo(dora.email());
    }

    @Test
    void putsTheUserIntoTheCheckedGroups() {
        User dora = created();
        Group team = client.createGroup("team-" + UUID.randomUUID().toString().substring(0, 8));
        loaded();
        admin.memberOf().add(team.id());
        admin.save();
        awaitMessage("Saved");

        assertThat(client.groupMembers(team.id())).extracting(User::id).containsExactly(dora.id());
    }

    @Test
    void disablingLocksTheUserOutAndEnablingLetsThemIn() {
        created();
        SightlineClient asDora = new SightlineClient(TestServer.get().url(), admin.apiKeyProperty().get());

        admin.toggleDisabled();
        awaitMessage("\"Dora\" is disabled");
        assertThat(admin.editingProperty().get().disabled()).isTrue();
        try {
            asDora.session();
            throw new AssertionError("a disabled user's key still works");
        } catch (ApiException expected) {
            assertThat(expected.status()).isEqualTo(401);
        }

        admin.toggleDisabled();
        awaitMessage("\"Dora\" is enabled");
        assertThat(asDora.session().name()).isEqualTo("Dora");
    }

    @Test
    void aNewApiKeyReplacesTheOldOne() {
        created();
        String old = admin.apiKeyProperty().get();
        admin.regenerateApiKey();
        awaitMessage("New API key");

        assertThat(admin.apiKeyProperty().get()).isNotEqualTo(old).hasSize(40);
        assertThat(new SightlineClient(TestServer.get().url(), admin.apiKeyProperty().get()).session().name())
                .isEqualTo("Dora");
    }

    @Test
    void theServersRefusalIsShown() {
        User dora = created();
        admin.startNew();
        admin.nameProperty().set("Other");
        admin.emailProperty().set(dora.email());
        admin.save();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().contains("already used"));
    }
}
