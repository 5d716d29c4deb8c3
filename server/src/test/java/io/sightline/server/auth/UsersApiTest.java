package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/users}: an admin creates, edits, disables users and renews their keys; users see what they may. */
class UsersApiTest extends EmbeddedServerTest {

    private UserAdminSupport support() {
        return new UserAdminSupport(api());
    }

    @Test
    void createdUserLogsInWithTheirKeyAndIsInTheDefaultGroup() {
        JsonNode alice = support().createUser("Alice", "alice-secret");
        assertThat(alice.path("api_key").asString()).hasSize(40);
        assertThat(alice.path("is_disabled").asBoolean()).isFalse();
        assertThat(alice.path("auth_type").asString()).isEqualTo("password");

        var session = support().as(alice).get("/api/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("user").path("email").asString()).isEqualTo(alice.path("email").asString());

        long defaultGroup = groupId("default");
        assertThat(alice.path("groups").values()).extracting(JsonNode::asLong).containsExactly(defaultGroup);
        assertThat(api().get("/api/users?q=" + alice.path("email").asString()).json().path("results").values())
                .extracting(u -> u.path("id").asLong()).containsExactly(alice.path("id").asLong());
    }

    @Test
    void apiKeysAreShownOnceWhenMadeAndNeverAgain() {
        JsonNode alice = support().createUser("Alice", null);
        JsonNode bob = support().createUser("Bob", null);
        var asAlice = support().as(alice);

        assertThat(alice.path("api_key").asString()).hasSize(40);
        assertThat(asAlice.get("/api/users/" + alice.path("id").asLong()).json().has("api_key")).isFalse();
        assertThat(api().get("/api/users/" + alice.path("id").asLong()).json().has("api_key")).isFalse();
        var bobSeenByAlice = asAlice.get("/api/users/" + bob.path("id").asLong());
        assertThat(bobSeenByAlice.status()).isEqualTo(200);
        assertThat(bobSeenByAlice.json().has("api_key")).isFalse();
        assertThat(api().get("/api/users?page_size=250").json().path("results").values())
                .isNotEmpty().noneMatch(u -> u.has("api_key"));
        assertThat(asAlice.get("/api/session").json().path("user").has("api_key")).isFalse();
    }

    @Test
    void userEditsThemselvesButNotOthers() {
        JsonNode alice = support().createUser("Alice", null);
        JsonNode bob = support().createUser("Bob", null);
        var asAlice = support().as(alice);

        var renamed = asAlice.post("/api/users/" + alice.path("id").asLong(), Map.of("name", "Alice Liddell"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Alice Liddell");

        var other = asAlice.post("/api/users/" + bob.path("id").asLong(), Map.of("name", "Mallory"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.message()).contains("Only admins");

        var ownGroups = asAlice.post("/api/users/" + alice.path("id").asLong(), Map.of("groups", List.of(groupId("admin"))));
        assertThat(ownGroups.status()).isEqualTo(403);
        assertThat(asAlice.get("/api/users/" + alice.path("id").asLong()).json().path("groups").size()).isEqualTo(1);
    }

    @Test
    void onlyAdminsCreateUsers() {
        var asAlice = support().as(support().createUser("Alice", null));
        var response = asAlice.post("/api/users", Map.of("name", "Eve", "email", "eve@example.com"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.message()).isEqualTo("Only admins may create users");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var noName = api().post("/api/users", Map.of("name", " ", "email", "x@example.com"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.message()).contains("'name'");

        var badEmail = api().post("/api/users", Map.of("name", "X", "email", "not-an-email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.message()).contains("'email'").contains("not-an-email");

        var shortPassword = api().post("/api/users", Map.of("name", "X", "email", "x@example.com", "password", "abc"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.message()).contains("'password'");

        JsonNode alice = support().createUser("Alice", null);
        var duplicate = api().post("/api/users", Map.of("name", "Other", "email",
                alice.path("email").asString().toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.message()).contains("'email'").contains("already used");

        assertThat(api().get("/api/users/999999").status()).isEqualTo(404);
    }

    @Test
    void disabledUserIsLockedOutAtOnceAndEnabledAgain() throws Exception {
        JsonNode alice = support().createUser("Alice", "alice-secret");
        long id = alice.path("id").asLong();
        var asAlice = support().as(alice);
        assertThat(asAlice.get("/api/session").status()).isEqualTo(200); // the key is now in the 5 s cache
        assertThat(login(alice.path("email").asString(), "alice-secret")).isEqualTo(200);

        var disabled = api().post("/api/users/" + id + "/disable", Map.of());
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("is_disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("disabled_at").isNull()).isFalse();

        var refused = asAlice.get("/api/session");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(login(alice.path("email").asString(), "alice-secret")).isEqualTo(401);

        String email = alice.path("email").asString();
        assertThat(api().get("/api/users?disabled=true&q=" + email).json().path("results").values())
                .extracting(u -> u.path("id").asLong()).contains(id);
        assertThat(api().get("/api/users?disabled=false&q=" + email).json().path("results").values())
                .extracting(u -> u.path("id").asLong()).doesNotContain(id);
        assertThat(api().get("/api/users?q=" + email).json().path("results").values())
                .as("as in Redash, the list leaves disabled users out").isEmpty();

        var enabled = api().delete("/api/users/" + id + "/disable");
        assertThat(enabled.json().path("is_disabled").asBoolean()).isFalse();
        assertThat(asAlice.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void disabledUsersSessionEndsToo() throws Exception {
        JsonNode alice = support().createUser("Alice", "alice-secret");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + alice.path("email").asString()
                        + "\",\"password\":\"alice-secret\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var session = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session")).build();
        assertThat(browser.send(session, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        api().post("/api/users/" + alice.path("id").asLong() + "/disable", Map.of());

        var after = browser.send(session, HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("disabled");
    }

    @Test
    void adminCannotDisableThemselves() {
        long me = api().get("/api/session").json().path("user").path("id").asLong();
        var response = api().post("/api/users/" + me + "/disable", Map.of());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.message()).contains("your own account");
    }

    @Test
    void regeneratedKeyReplacesTheOldOneAtOnce() {
        JsonNode alice = support().createUser("Alice", null);
        var oldKey = support().as(alice);
        assertThat(oldKey.get("/api/session").status()).isEqualTo(200);

        var renewed = oldKey.post("/api/users/" + alice.path("id").asLong() + "/regenerate_api_key", Map.of());
        assertThat(renewed.status()).isEqualTo(200);
        String newKey = renewed.json().path("api_key").asString();
        assertThat(newKey).isNotEqualTo(alice.path("api_key").asString());

        assertThat(oldKey.get("/api/session").status()).isEqualTo(401);
        assertThat(api().withKey(newKey).get("/api/session").status()).isEqualTo(200);
    }

    private long groupId(String name) {
        return api().get("/api/groups").json().valueStream().filter(g -> name.equals(g.path("name").asString()))
                .findFirst().orElseThrow().path("id").asLong();
    }

    private int login(String email, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
