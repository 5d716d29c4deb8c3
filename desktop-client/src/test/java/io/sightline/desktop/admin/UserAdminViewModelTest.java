package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UserLinksClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Users screen's logic against the real server: create, edit groups, disable, new key. */
class UserAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final GroupsClient groupsApi = new GroupsClient(client);
    private final UsersClient usersApi = new UsersClient(client);
    private final UserAdminViewModel admin = new UserAdminViewModel(usersApi, groupsApi,
            new UserLinksClient(client), Tasks.serialUi());

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
        assertThat(signedInWith(admin.apiKeyProperty().get()).email()).isEqualTo(dora.email());
    }

    @Test
    void putsTheUserIntoTheCheckedGroups() {
        User dora = created();
        Group team = groupsApi.createGroup("team-" + UUID.randomUUID().toString().substring(0, 8));
        loaded();
        admin.memberOf().add(team.id());
        admin.save();
        awaitMessage("Saved");

        assertThat(groupsApi.groupMembers(team.id())).extracting(User::id).containsExactly(dora.id());
    }

    @Test
    void disablingLocksTheUserOutAndEnablingLetsThemIn() {
        created();
        SightlineClient asDora = new SightlineClient(TestServer.get().url(), admin.apiKeyProperty().get());

        admin.toggleDisabled();
        awaitMessage("\"Dora\" is disabled");
        assertThat(admin.editingProperty().get().disabled()).isTrue();
        try {
            new SessionClient(asDora).session();
            throw new AssertionError("a disabled user's key still works");
        } catch (ApiException expected) {
            assertThat(expected.status()).isEqualTo(401);
        }

        admin.toggleDisabled();
        awaitMessage("\"Dora\" is enabled");
        assertThat(new SessionClient(asDora).session().name()).isEqualTo("Dora");
    }

    @Test
    void aNewApiKeyReplacesTheOldOne() {
        created();
        String old = admin.apiKeyProperty().get();
        admin.regenerateApiKey();
        awaitMessage("New API key");

        assertThat(admin.apiKeyProperty().get()).isNotEqualTo(old).hasSize(40);
        assertThat(signedInWith(admin.apiKeyProperty().get()).name()).isEqualTo("Dora");
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

    @Test
    void aUserCreatedWithoutAPasswordGetsAnInvitationLinkThatOpensTheServersPage() throws Exception {
        User dora = created();
        assertThat(admin.messageProperty().get()).contains("send them the link");
        String first = admin.linkProperty().get();
        assertThat(first).contains("/invite/");
        assertThat(page(first)).as("the invitation page").isEqualTo(200);

        admin.resetPassword();
        assertThat(admin.messageProperty().get()).isEqualTo("\"Dora\" has not accepted their invitation: make a"
                + " new invitation link instead.");
        admin.inviteAgain();
        awaitMessage("Send this link to \"Dora\"");
        assertThat(admin.linkProperty().get()).contains("/invite/");
        assertThat(page(admin.linkProperty().get())).isEqualTo(200);
        assertThat(usersApi.users().stream().filter(u -> u.id() == dora.id()).findFirst().orElseThrow()
                .invitationPending()).isTrue();
    }

    @Test
    void anActiveUserGetsAPasswordResetLink() throws Exception {
        loaded();
        admin.startNew();
        admin.nameProperty().set("Rita");
        admin.emailProperty().set("rita-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        admin.passwordProperty().set("rita-secret");
        admin.save();
        awaitMessage("Created");
        assertThat(admin.linkProperty().get()).as("active at once: no invitation").isEmpty();

        admin.inviteAgain();
        assertThat(admin.messageProperty().get()).endsWith("has a password already: make a password reset link instead.");
        admin.resetPassword();
        awaitMessage("Send this link to \"Rita\"");
        assertThat(admin.linkProperty().get()).contains("/reset/");
        assertThat(page(admin.linkProperty().get())).as("the reset page").isEqualTo(200);
    }

    private static int page(String link) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(link)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static io.sightline.desktop.api.Session signedInWith(String apiKey) {
        return new SessionClient(new SightlineClient(TestServer.get().url(), apiKey)).session();
    }
}
