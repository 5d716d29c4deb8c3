package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_groups.py over HTTP. Sightline has one organization, so Redash's tests of another
 * organization's groups have nothing to follow; and a non-admin asking for a group they are not in gets 404, not
 * Redash's 403 (docs/api.md, "Users and groups").
 */
class GroupHandlersTest extends EmbeddedServerTest {

    private AccessFixtures access;

    @BeforeEach
    void fixtures() {
        access = new AccessFixtures(api());
    }

    // TestGroupDataSourceListResource

    @Test
    void list() {
        long group = access.group("with-source");
        long dataSource = access.privateDataSource();
        access.grant(group, dataSource, false);

        var listed = api().get("/api/groups/" + group + "/data_sources");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().path(0).path("id").asLong()).isEqualTo(dataSource);
        assertThat(listed.json().path(0).path("view_only").asBoolean(true)).isFalse();
    }

    // TestGroupResourceList

    @Test
    void listAdmin() {
        var listed = api().get("/api/groups");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode admin = builtin("admin");
        JsonNode defaults = builtin("default");
        assertThat(admin.path("permissions").valueStream().map(JsonNode::asString)).contains("admin");
        assertThat(defaults.path("permissions").valueStream().map(JsonNode::asString)).contains("view_query");
        for (JsonNode group : listed.json()) {
            assertThat(group.has("id") && group.has("name") && group.has("type") && group.has("permissions"))
                    .as(group.toString()).isTrue();
        }
    }

    @Test
    void listOfAUserIsTheirGroupsOnly() {
        long group = access.group("mine");
        access.group("not-mine");
        Member member = access.user("Member");
        access.join(group, member);

        var listed = member.api().get("/api/groups");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(g -> g.path("id").asLong()))
                .containsExactlyInAnyOrder(builtin("default").path("id").asLong(), group);
        for (JsonNode g : listed.json()) {
            assertThat(g.has("type") && g.has("name") && g.has("permissions")).as(g.toString()).isTrue();
        }
    }

    // TestGroupResourcePost

    @Test
    void doesntChangeBuiltinGroups() {
        JsonNode defaults = builtin("default");

        var renamed = api().post("/api/groups/" + defaults.path("id").asLong(), Map.of("name", "Another Name"));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(400);
        assertThat(api().get("/api/groups/" + defaults.path("id").asLong()).json().path("name").asString())
                .isEqualTo(defaults.path("name").asString());
    }

    // TestGroupResourceDelete

    @Test
    void allowedOnlyToAdmin() {
        long group = access.group("doomed");
        Member member = access.user("Member");

        assertThat(member.api().delete("/api/groups/" + group).status()).isEqualTo(403);
        var deleted = api().delete("/api/groups/" + group);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api().get("/api/groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void cantDeleteBuiltinGroup() {
        for (String name : new String[] {"default", "admin"}) {
            var deleted = api().delete("/api/groups/" + builtin(name).path("id").asLong());
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(400);
        }
        assertThat(builtin("default").isMissingNode()).isFalse();
    }

    @Test
    void canDeleteGroupWithDataSources() {
        long group = access.group("with-source");
        long dataSource = access.privateDataSource();
        access.grant(group, dataSource, false);

        var deleted = api().delete("/api/groups/" + group);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        var source = api().get("/api/data_sources/" + dataSource);
        assertThat(source.status()).as(source.toString()).isEqualTo(200);
        assertThat(source.json().path("id").asLong()).isEqualTo(dataSource);
    }

    // TestGroupResourceGet

    @Test
    void returnsGroup() {
        Member member = access.user("Member");
        long defaults = builtin("default").path("id").asLong();

        var got = member.api().get("/api/groups/" + defaults);

        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("id").asLong()).isEqualTo(defaults);
    }

    /** Redash answers 403; Sightline 404, as for a group that does not exist (docs/api.md). */
    @Test
    void doesntReturnIfUserNotMemberOrAdmin() {
        Member member = access.user("Member");

        var got = member.api().get("/api/groups/" + builtin("admin").path("id").asLong());

        assertThat(got.status()).as(got.toString()).isEqualTo(404);
    }

    private JsonNode builtin(String name) {
        return api().get("/api/groups").json().valueStream()
                .filter(g -> g.path("type").asString().equals("builtin") && g.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no builtin group " + name));
    }
}
