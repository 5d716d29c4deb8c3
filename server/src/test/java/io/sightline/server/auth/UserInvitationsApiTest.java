package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Users as Redash serves them, named after Redash's handler tests (tests/handlers/test_users.py): pending
 * invitations and their links, the list's filters and group shapes, {@code group_ids}, emails without case.
 */
class UserInvitationsApiTest extends EmbeddedServerTest {

    private UserAdminSupport support() {
        return new UserAdminSupport(api());
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void createsUserAsPendingInvitationWithInviteLinkWhenEmailIsNotConfigured() {
        var created = api().post("/api/users", Map.of("name", "Ivy", "email", email("ivy")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode ivy = created.json();
        assertThat(ivy.path("is_invitation_pending").asBoolean()).isTrue();
        assertThat(ivy.path("invite_link").asString()).matches("http://[^/]+/invite/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(ivy.path("auth_type").asString()).as("no password yet, as Redash tells it").isEqualTo("external");
        assertThat(ivy.path("is_email_verified").asBoolean()).isTrue();

        // the link is shown when made, not when the user is read again
        JsonNode again = api().get("/api/users/" + ivy.path("id").asLong()).json();
        assertThat(again.has("invite_link")).isFalse();
        assertThat(again.path("is_invitation_pending").asBoolean()).isTrue();
    }

    @Test
    void createsUserWithNoInviteStillAnswersTheLink() {
        var created = api().post("/api/users?no_invite=true", Map.of("name", "Noa", "email", email("noa")));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("invite_link").asString()).contains("/invite/");
    }

    @Test
    void createsUserWithPasswordActiveAtOnce() {
        JsonNode alice = support().createUser("Alice", "alice-secret");
        assertThat(alice.path("is_invitation_pending").asBoolean()).isFalse();
        assertThat(alice.has("invite_link")).isFalse();
        assertThat(alice.path("auth_type").asString()).isEqualTo("password");
        JsonNode listed = api().get("/api/users?q=" + alice.path("email").asString()).json().path("results").get(0);
        assertThat(listed.path("auth_type").asString()).isEqualTo("password");
        assertThat(listed.path("is_email_verified").asBoolean()).isTrue();
    }

    @Test
    void createsUserCaseInsensitiveEmail() {
        String mixed = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
        var created = api().post("/api/users", Map.of("name", "Mixed", "email", mixed));
        assertThat(created.json().path("email").asString()).isEqualTo(mixed.toLowerCase());

        var taken = api().post("/api/users", Map.of("name", "Again", "email", mixed.toUpperCase()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.message()).contains("already used");
    }

    @Test
    void inviteReturns403ForNonAdminAndALinkForAdmin() {
        JsonNode ivy = api().post("/api/users", Map.of("name", "Ivy", "email", email("ivy"))).json();
        var asAlice = support().as(support().createUser("Alice", null));
        assertThat(asAlice.post("/api/users/" + ivy.path("id").asLong() + "/invite", Map.of()).status()).isEqualTo(403);

        var invited = api().post("/api/users/" + ivy.path("id").asLong() + "/invite", Map.of());
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.json().path("id").asLong()).isEqualTo(ivy.path("id").asLong());
        assertThat(invited.json().path("invite_link").asString()).contains("/invite/");
        assertThat(api().post("/api/users/999999/invite", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void resetPasswordReturnsLinkForAdminOnlyAnd404ForDisabledUser() {
        JsonNode alice = support().createUser("Alice", "alice-secret");
        long id = alice.path("id").asLong();
        var asAlice = support().as(alice);
        assertThat(asAlice.post("/api/users/" + id + "/reset_password", Map.of()).status()).isEqualTo(403);

        var reset = api().post("/api/users/" + id + "/reset_password", Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("reset_link").asString()).matches("http://[^/]+/reset/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        api().post("/api/users/" + id + "/disable", Map.of());
        var disabled = api().post("/api/users/" + id + "/reset_password", Map.of());
        assertThat(disabled.status()).isEqualTo(404);
        assertThat(disabled.message()).contains("disabled");
    }

    @Test
    void adminCanDeletePendingInvitationButNotActiveUser() {
        JsonNode ivy = api().post("/api/users", Map.of("name", "Ivy", "email", email("ivy"))).json();
        JsonNode alice = support().createUser("Alice", "alice-secret");
        var asAlice = support().as(alice);

        assertThat(asAlice.delete("/api/users/" + ivy.path("id").asLong()).status()).isEqualTo(403);
        var active = api().delete("/api/users/" + alice.path("id").asLong());
        assertThat(active.status()).isEqualTo(403);
        assertThat(active.message()).isEqualTo("You cannot delete activated users. Please disable the user instead.");

        var deleted = api().delete("/api/users/" + ivy.path("id").asLong());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("email").asString()).isEqualTo(ivy.path("email").asString());
        assertThat(api().get("/api/users/" + ivy.path("id").asLong()).status()).isEqualTo(404);
        assertThat(api().get("/api/users/" + alice.path("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void adminCannotDeleteThemselves() {
        long self = api().get("/api/session").json().path("user").path("id").asLong();
        var refused = api().delete("/api/users/" + self);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).isEqualTo(
                "You cannot delete your own account. Please ask another admin to do this for you.");
        assertThat(api().get("/api/users/" + self).status()).isEqualTo(200);
    }

    @Test
    void getsAllEnabledDisabledPendingAndActive() {
        String tag = "lst" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode pending = api().post("/api/users", Map.of("name", "Pending " + tag, "email", email("p"))).json();
        JsonNode active = api().post("/api/users",
                Map.of("name", "Active " + tag, "email", email("a"), "password", "active-secret")).json();
        JsonNode gone = api().post("/api/users",
                Map.of("name", "Gone " + tag, "email", email("g"), "password", "gone-secret")).json();
        api().post("/api/users/" + gone.path("id").asLong() + "/disable", Map.of());

        assertThat(names("/api/users?q=" + tag)).containsExactly("Active " + tag, "Pending " + tag);
        assertThat(names("/api/users?disabled=true&q=" + tag)).containsExactly("Gone " + tag);
        assertThat(names("/api/users?pending=true&q=" + tag)).containsExactly("Pending " + tag);
        assertThat(names("/api/users?pending=false&q=" + tag)).containsExactly("Active " + tag);
        assertThat(pending.path("id").asLong()).isNotEqualTo(active.path("id").asLong());
    }

    @Test
    void listNamesGroupsWhileSingleUserHasTheirIds() {
        JsonNode alice = support().createUser("Alice", null);
        JsonNode listed = api().get("/api/users?q=" + alice.path("email").asString()).json().path("results").get(0);
        JsonNode group = listed.path("groups").get(0);
        assertThat(group.path("name").asString()).isEqualTo("default");
        assertThat(group.path("id").asLong()).isEqualTo(alice.path("groups").get(0).asLong());
        JsonNode single = api().get("/api/users/" + alice.path("id").asLong()).json();
        assertThat(single.path("groups").get(0).isNumber()).isTrue();
        assertThat(listed.propertyNames()).as("the same fields, only the groups named")
                .containsExactlyInAnyOrderElementsOf(single.propertyNames());
    }

    @Test
    void returns403IfNonAdminChangesGroupIdsAndAdminChangesThem() {
        JsonNode alice = support().createUser("Alice", null);
        long id = alice.path("id").asLong();
        long group = support().createGroup("ids").path("id").asLong();
        long defaultGroup = alice.path("groups").get(0).asLong();

        var own = support().as(alice).post("/api/users/" + id, Map.of("group_ids", List.of(defaultGroup, group)));
        assertThat(own.status()).isEqualTo(403);

        var changed = api().post("/api/users/" + id, Map.of("group_ids", List.of(defaultGroup, group)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("groups").values()).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(defaultGroup, group);

        var both = api().post("/api/users/" + id, Map.of("groups", List.of(group), "group_ids", List.of(defaultGroup)));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.message()).contains("'group_ids'");
    }

    @Test
    void profileImageUrlIsDrawnByTheServerWhereverAUserAppears() {
        JsonNode alice = support().createUser("Alice Liddell", null);
        String picture = alice.path("profile_image_url").asString();
        assertThat(picture).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(java.util.Base64.getDecoder().decode(picture.substring(picture.indexOf(',') + 1)),
                java.nio.charset.StandardCharsets.UTF_8)).contains(">AL</text>");
        assertThat(api().get("/api/users/" + alice.path("id").asLong()).json().path("profile_image_url").asString())
                .isEqualTo(picture);
        assertThat(api().get("/api/users?q=" + alice.path("email").asString()).json().path("results").get(0)
                .path("profile_image_url").asString()).isEqualTo(picture);
        var asAlice = support().as(alice);
        assertThat(asAlice.get("/api/session").json().path("user").path("profile_image_url").asString())
                .isEqualTo(picture);

        var dashboard = asAlice.post("/api/dashboards", Map.of("name", "Alice's " + UUID.randomUUID()));
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        JsonNode owner = api().get("/api/dashboards/" + dashboard.json().path("id").asLong()).json().path("user");
        assertThat(owner.path("id").asLong()).isEqualTo(alice.path("id").asLong());
        assertThat(owner.path("name").asString()).isEqualTo("Alice Liddell");
        assertThat(owner.path("email").asString()).isEqualTo(alice.path("email").asString());
        assertThat(owner.path("profile_image_url").asString()).isEqualTo(picture);
        assertThat(owner.has("api_key")).isFalse();
    }

    private List<String> names(String path) {
        var response = api().get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("results").valueStream().map(u -> u.path("name").asString()).toList();
    }
}
