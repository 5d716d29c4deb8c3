package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/groups}: regular groups are created, renamed, deleted and given members; builtin ones are kept. */
class GroupsApiTest extends EmbeddedServerTest {

    private UserAdminSupport support() {
        return new UserAdminSupport(api());
    }

    @Test
    void membersJoinAndLeaveAGroup() {
        JsonNode group = support().createGroup("analysts");
        assertThat(group.path("type").asString()).isEqualTo("regular");
        assertThat(group.path("permissions").values()).extracting(JsonNode::asString).contains("execute_query");
        long groupId = group.path("id").asLong();
        JsonNode alice = support().createUser("Alice", null);
        long aliceId = alice.path("id").asLong();

        var added = api().post("/api/groups/" + groupId + "/members", Map.of("user_id", aliceId));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().path("groups").values()).extracting(JsonNode::asLong).contains(groupId);
        assertThat(api().get("/api/groups/" + groupId + "/members").json().values())
                .extracting(u -> u.path("id").asLong()).containsExactly(aliceId);
        // the member sees the group (and only their own groups)
        var asAlice = support().as(alice);
        assertThat(asAlice.get("/api/groups").json().values()).extracting(g -> g.path("name").asString())
                .contains(group.path("name").asString()).doesNotContain("admin");
        assertThat(asAlice.get("/api/session").json().path("user").path("groups").values())
                .extracting(JsonNode::asLong).contains(groupId);

        assertThat(api().delete("/api/groups/" + groupId + "/members/" + aliceId).status()).isEqualTo(200);
        assertThat(api().get("/api/groups/" + groupId + "/members").json().size()).isZero();
        assertThat(asAlice.get("/api/groups/" + groupId).status()).isEqualTo(404);
    }

    @Test
    void regularGroupIsRenamedAndDeleted() {
        JsonNode group = support().createGroup("team");
        long id = group.path("id").asLong();
        var renamed = api().post("/api/groups/" + id, Map.of("name", group.path("name").asString() + "-renamed"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).endsWith("-renamed");

        assertThat(api().delete("/api/groups/" + id).status()).isEqualTo(200);
        assertThat(api().get("/api/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void builtinGroupsCannotBeDeletedOrRenamed() {
        JsonNode admin = group("admin");
        JsonNode defaults = group("default");
        assertThat(admin.path("type").asString()).isEqualTo("builtin");

        var deleted = api().delete("/api/groups/" + admin.path("id").asLong());
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.message()).isEqualTo("The builtin group 'admin' cannot be deleted");

        var renamed = api().post("/api/groups/" + defaults.path("id").asLong(), Map.of("name", "everyone"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.message()).contains("'default' cannot be renamed");
        assertThat(group("default").path("name").asString()).isEqualTo("default");
    }

    @Test
    void groupNamesAreCheckedAndOnlyAdminsChangeGroups() {
        assertThat(api().post("/api/groups", Map.of("name", "")).message()).contains("'name'");
        var taken = api().post("/api/groups", Map.of("name", "Admin"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.message()).contains("already exists");

        var asAlice = support().as(support().createUser("Alice", null));
        var refused = asAlice.post("/api/groups", Map.of("name", "mine"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).isEqualTo("Only admins may create groups");
        long defaults = group("default").path("id").asLong();
        assertThat(asAlice.get("/api/groups/" + defaults + "/data_sources").status()).isEqualTo(403);
        assertThat(api().post("/api/groups/" + defaults + "/members", Map.of()).message()).contains("'user_id'");
    }

    private JsonNode group(String name) {
        return api().get("/api/groups").json().valueStream().filter(g -> name.equals(g.path("name").asString()))
                .findFirst().orElseThrow();
    }
}
