package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_users.py over HTTP. Not here, as Sightline has one organization:
 * test_returns_users_for_given_org_only and test_doesnt_return_user_from_different_org. Where Sightline deliberately
 * differs (docs/api.md, "Users and groups"), the test asserts Sightline's behaviour and says so: an email in use is
 * 409, passwords need 6 characters, {@code invite_link} is always answered, API keys are shown only when made, an
 * email change needs {@code old_password}, and no disposable-mail domain list is built in. Sightline sends no
 * verification mails, so the two tests of {@code is_email_verified} on an email change do not apply.
 */
class UserHandlersTest extends EmbeddedServerTest {

    private static final String PASSWORD = "test password";

    // TestUserListResourcePost

    @Test
    void createReturns403ForNonAdmin() {
        Api user = keyOf(create("User", email(), PASSWORD));

        assertThat(user.post("/api/users", Map.of("name", "User", "email", email())).status()).isEqualTo(403);
    }

    @Test
    void createReturns400WhenMissingFields() {
        assertThat(api().post("/api/users", Map.of()).status()).isEqualTo(400);
        assertThat(api().post("/api/users", Map.of("name", "User")).status()).isEqualTo(400);
        var bad = api().post("/api/users", Map.of("name", "User", "email", "bademailaddress"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("email");
    }

    /**
     * Redash's blocked domain {@code qq.com} (its default REDASH_BLOCKED_DOMAINS); its built-in list of disposable
     * domains ({@code mailinator.com}) Sightline does not carry (docs/api.md).
     */
    @Test
    void createReturns400WhenUsingBlockedEmail() {
        var created = api().post("/api/users", Map.of("name", "User", "email", "arik@qq.com", "password", PASSWORD));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.message()).contains("qq.com");
    }

    @Test
    void createsUser() {
        String email = email();

        var created = api().post("/api/users", Map.of("name", "User", "email", email, "password", PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("name").asString()).isEqualTo("User");
        assertThat(created.json().path("email").asString()).isEqualTo(email);
    }

    /** Redash answers {@code invite_link} only without a mail server; Sightline always (docs/api.md). */
    @Test
    void showsInviteLinkWhetherOrNotEmailIsConfigured() {
        var created = api().post("/api/users", Map.of("name", "User", "email", email()));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("invite_link").asString()).contains("/invite/");
    }

    @Test
    void createsUserCaseInsensitiveEmail() {
        String email = email();

        var created = api().post("/api/users", Map.of("name", "User", "email", "User" + email.toUpperCase(),
                "password", PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("email").asString()).isEqualTo("user" + email);
    }

    /** Redash: 400; Sightline: 409, as for every name already in use (docs/api.md). */
    @Test
    void returns409WhenEmailTaken() {
        String adminEmail = api().get("/api/session").json().path("user").path("email").asString();

        var taken = api().post("/api/users", Map.of("name", "User", "email", adminEmail, "password", PASSWORD));

        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void returns409WhenEmailTakenCaseInsensitive() {
        String email = email();
        assertThat(api().post("/api/users", Map.of("name", "User", "email", email, "password", PASSWORD)).status())
                .isEqualTo(200);

        var again = api().post("/api/users", Map.of("name", "User", "email", email.replace("example", "Example"),
                "password", PASSWORD));

        assertThat(again.status()).isEqualTo(409);
    }

    /** Redash accepts a 4-character password; Sightline needs 6 (docs/api.md). */
    @Test
    void returns400ForAPasswordShorterThanSix() {
        var created = api().post("/api/users", Map.of("name", "User", "email", email(), "password", "test"));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.message()).contains("password");
    }

    // TestUserListGet

    @Test
    void listFiltersByDisabledAndPending() {
        String marker = "filters" + UUID.randomUUID().toString().substring(0, 8);
        long enabledActive = id(create(marker + " ea", email(), PASSWORD));
        long enabledPending = id(create(marker + " ep", email(), null));
        long disabledActive = id(create(marker + " da", email(), PASSWORD));
        long disabledPending = id(create(marker + " dp", email(), null));
        for (long disabled : List.of(disabledActive, disabledPending)) {
            assertThat(api().post("/api/users/" + disabled + "/disable", Map.of()).status()).isEqualTo(200);
        }

        // test_gets_all_enabled
        assertThat(listed(marker, "")).containsExactlyInAnyOrder(enabledActive, enabledPending);
        // test_gets_all_disabled
        assertThat(listed(marker, "&disabled=true")).containsExactlyInAnyOrder(disabledActive, disabledPending);
        // test_gets_all_enabled_and_active
        assertThat(listed(marker, "&pending=false")).containsExactly(enabledActive);
        // test_gets_all_enabled_and_pending
        assertThat(listed(marker, "&pending=true")).containsExactly(enabledPending);
        // test_gets_all_disabled_and_active
        assertThat(listed(marker, "&disabled=true&pending=false")).containsExactly(disabledActive);
        // test_gets_all_disabled_and_pending
        assertThat(listed(marker, "&disabled=true&pending=true")).containsExactly(disabledPending);
    }

    // TestUserResourceGet: keys are stored as hashes, so no GET shows one (docs/api.md, "Signing in")

    @Test
    void returnsNoApiKeyForYourOwnUserOrAnyOther() {
        JsonNode user = create("User", email(), PASSWORD);
        JsonNode other = create("Other", email(), PASSWORD);
        assertThat(user.path("api_key").asString()).as("shown once, when made").hasSize(40);

        var own = keyOf(user).get("/api/users/" + id(user));
        var byAdmin = api().get("/api/users/" + id(user));
        var others = keyOf(user).get("/api/users/" + id(other));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().has("api_key")).isFalse();
        assertThat(byAdmin.json().has("api_key")).isFalse();
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.json().has("api_key")).isFalse();
    }

    // TestUserResourcePost

    @Test
    void returns403ForNonAdminChangingNotHisOwn() {
        Api user = keyOf(create("User", email(), PASSWORD));
        long other = id(create("Other", email(), PASSWORD));

        assertThat(user.post("/api/users/" + other, Map.of("name", "New Name")).status()).isEqualTo(403);
        assertThat(api().get("/api/users/" + other).json().path("name").asString()).isEqualTo("Other");
    }

    @Test
    void returns200ForNonAdminChangingHisOwn() {
        JsonNode user = create("User", email(), PASSWORD);

        var changed = keyOf(user).post("/api/users/" + id(user), Map.of("name", "New Name"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("New Name");
    }

    @Test
    void returns200ForAdminChangingOtherUser() {
        long user = id(create("User", email(), PASSWORD));

        var changed = api().post("/api/users/" + user, Map.of("name", "New Name"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + user).json().path("name").asString()).isEqualTo("New Name");
    }

    @Test
    void failsPasswordChangeWithoutOldPassword() {
        JsonNode user = create("User", email(), PASSWORD);

        assertThat(keyOf(user).post("/api/users/" + id(user), Map.of("password", "new password")).status())
                .isEqualTo(403);
        assertThat(login(user.path("email").asString(), PASSWORD)).isEqualTo(200);
    }

    @Test
    void failsPasswordChangeWithIncorrectOldPassword() {
        JsonNode user = create("User", email(), PASSWORD);

        assertThat(keyOf(user).post("/api/users/" + id(user), Map.of("password", "new password",
                "old_password", "wrong")).status()).isEqualTo(403);
        assertThat(login(user.path("email").asString(), PASSWORD)).isEqualTo(200);
    }

    @Test
    void changesPassword() {
        JsonNode user = create("User", email(), PASSWORD);

        var changed = keyOf(user).post("/api/users/" + id(user), Map.of("password", "new password",
                "old_password", PASSWORD));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(login(user.path("email").asString(), "new password")).isEqualTo(200);
        assertThat(login(user.path("email").asString(), PASSWORD)).isNotEqualTo(200);
    }

    @Test
    void updateReturns400WhenUsingBlockedEmail() {
        JsonNode user = create("User", email(), PASSWORD);

        var changed = api().post("/api/users/" + id(user), Map.of("email", "user@QQ.com"));

        assertThat(changed.status()).isEqualTo(400);
        assertThat(api().get("/api/users/" + id(user)).json().path("email").asString())
                .isEqualTo(user.path("email").asString());
    }

    /** Sightline asks for {@code old_password} to change one's email too (docs/api.md). */
    @Test
    void changingEmailEndsAnyOtherSessionsOfCurrentUserButNotTheCurrentOne() {
        JsonNode user = create("User", email(), PASSWORD);
        Browser current = new Browser(user.path("email").asString());
        Browser other = new Browser(user.path("email").asString());
        assertThat(other.get("/api/session").statusCode()).isEqualTo(200);

        var changed = current.post("/api/users/" + id(user), Map.of("email", email(), "old_password", PASSWORD));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(current.get("/api/session").statusCode()).as("the session that changed it").isEqualTo(200);
        var ended = other.get("/api/session");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("email was changed");
        assertThat(keyOf(user).get("/api/session").status()).as("keys are no sessions").isEqualTo(200);
    }

    @Test
    void adminCanChangeUserGroups() {
        long user = id(create("User", email(), PASSWORD));
        long defaultGroup = groupId("default");
        long other = api().post("/api/groups", Map.of("name", "handlers-" + UUID.randomUUID())).json().path("id")
                .asLong();

        var changed = api().post("/api/users/" + user, Map.of("group_ids", List.of(defaultGroup, other)));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api().get("/api/users/" + user).json().path("groups").valueStream().map(JsonNode::asLong))
                .containsExactlyInAnyOrder(defaultGroup, other);
    }

    @Test
    void adminCanDeleteUser() {
        long pending = id(create("Pending", email(), null));

        assertThat(api().delete("/api/users/" + pending).status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + pending).status()).isEqualTo(404);
    }

    // TestUserDisable

    @Test
    void nonAdminCannotDisableUser() {
        JsonNode user = create("User", email(), PASSWORD);
        long other = id(create("Other", email(), PASSWORD));

        assertThat(keyOf(user).post("/api/users/" + other + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/users/" + other).json().path("is_disabled").asBoolean()).isFalse();
    }

    @Test
    void adminCanDisableUser() {
        long user = id(create("User", email(), PASSWORD));

        assertThat(api().post("/api/users/" + user + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + user).json().path("is_disabled").asBoolean()).isTrue();
    }

    @Test
    void adminCanDisableAnotherAdmin() {
        long admin = id(admin());

        assertThat(api().post("/api/users/" + admin + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + admin).json().path("is_disabled").asBoolean()).isTrue();
    }

    @Test
    void adminCannotDisableSelf() {
        JsonNode admin = admin();

        assertThat(keyOf(admin).post("/api/users/" + id(admin) + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/users/" + id(admin)).json().path("is_disabled").asBoolean()).isFalse();
    }

    @Test
    void adminCanEnableUser() {
        long user = id(create("User", email(), PASSWORD));
        api().post("/api/users/" + user + "/disable", Map.of());

        assertThat(api().delete("/api/users/" + user + "/disable").status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + user).json().path("is_disabled").asBoolean()).isFalse();
    }

    @Test
    void adminCanEnableAnotherAdmin() {
        JsonNode other = admin();
        api().post("/api/users/" + id(other) + "/disable", Map.of());

        assertThat(api().delete("/api/users/" + id(other) + "/disable").status()).isEqualTo(200);
        assertThat(keyOf(other).get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void disabledUserCannotLogin() {
        JsonNode user = create("User", email(), PASSWORD);
        api().post("/api/users/" + id(user) + "/disable", Map.of());

        assertThat(login(user.path("email").asString(), PASSWORD)).isEqualTo(401);
    }

    @Test
    void disabledUserShouldNotAccessApi() {
        JsonNode user = create("User", email(), PASSWORD);
        assertThat(keyOf(user).get("/api/dashboards").status()).isEqualTo(200);

        api().post("/api/users/" + id(user) + "/disable", Map.of());

        assertThat(keyOf(user).get("/api/dashboards").status()).isEqualTo(401);
    }

    @Test
    void disabledUserShouldNotReceiveRestorePasswordEmail() {
        long user = id(create("User", email(), PASSWORD));
        assertThat(api().post("/api/users/" + user + "/reset_password", Map.of()).status()).isEqualTo(200);

        api().post("/api/users/" + user + "/disable", Map.of());

        assertThat(api().post("/api/users/" + user + "/reset_password", Map.of()).status()).isEqualTo(404);
    }

    // TestUserRegenerateApiKey

    @Test
    void adminCanRegenerateOtherUserApiKey() {
        JsonNode user = create("User", email(), PASSWORD);

        var regenerated = api().post("/api/users/" + id(user) + "/regenerate_api_key", Map.of());

        assertThat(regenerated.status()).isEqualTo(200);
        assertThat(keyOf(user).get("/api/session").status()).as("the old key").isEqualTo(401);
    }

    @Test
    void nonAdminCannotRegenerateOtherUserApiKey() {
        JsonNode user = create("User", email(), PASSWORD);
        JsonNode other = create("Other", email(), PASSWORD);

        assertThat(keyOf(user).post("/api/users/" + id(other) + "/regenerate_api_key", Map.of()).status())
                .isEqualTo(403);
        assertThat(keyOf(other).get("/api/session").status()).as("the key still works").isEqualTo(200);
    }

    @Test
    void adminCanRegenerateApiKeyMyself() {
        JsonNode admin = admin();

        var regenerated = keyOf(admin).post("/api/users/" + id(admin) + "/regenerate_api_key", Map.of());

        assertThat(regenerated.status()).isEqualTo(200);
        assertThat(keyOf(admin).get("/api/session").status()).isEqualTo(401);
        assertThat(api().withKey(regenerated.json().path("api_key").asString()).get("/api/session").status())
                .isEqualTo(200);
    }

    @Test
    void userCanRegenerateApiKeyMyself() {
        JsonNode user = create("User", email(), PASSWORD);

        var regenerated = keyOf(user).post("/api/users/" + id(user) + "/regenerate_api_key", Map.of());

        assertThat(regenerated.status()).isEqualTo(200);
        assertThat(regenerated.json().path("api_key").asString()).hasSize(40)
                .isNotEqualTo(user.path("api_key").asString());
        assertThat(keyOf(user).get("/api/session").status()).isEqualTo(401);
    }

    private JsonNode create(String name, String email, String password) {
        Map<String, Object> body = password == null ? Map.of("name", name, "email", email)
                : Map.of("name", name, "email", email, "password", password);
        var created = api().post("/api/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    private JsonNode admin() {
        JsonNode admin = create("Admin", email(), PASSWORD);
        var joined = api().post("/api/groups/" + groupId("admin") + "/members", Map.of("user_id", id(admin)));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        return admin;
    }

    private long groupId(String name) {
        return api().get("/api/groups").json().valueStream().filter(g -> g.path("name").asString().equals(name))
                .findFirst().orElseThrow().path("id").asLong();
    }

    private Api keyOf(JsonNode user) {
        return api().withKey(user.path("api_key").asString());
    }

    private static long id(JsonNode user) {
        return user.path("id").asLong();
    }

    private static String email() {
        return "handlers-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private List<Long> listed(String marker, String filters) {
        var page = api().get("/api/users?q=" + marker + filters + "&page_size=250");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("results").valueStream().map(u -> u.path("id").asLong()).toList();
    }

    /** A browser signed in with the user's password: its session cookie, and the CSRF token its posts send. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Browser(String email) {
            var login = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("email", email,
                            "password", PASSWORD)))));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Object body) {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new RuntimeException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            }
        }
    }

    /** The status of a password sign-in on a client of its own. */
    private int login(String email, String password) {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("email", email,
                        "password", password)))).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
