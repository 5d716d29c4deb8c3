package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Users and group grants made through the admin API, for access tests: a data source no group may use until a
 * test grants one, and users who reach it fully, view-only, or not at all.
 */
public final class RunAccessFixtures {

    private final Api admin;

    public RunAccessFixtures(Api admin) {
        this.admin = admin;
    }

    /** A user in the default group only, with their API key. */
    public User user(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = admin.post("/api/users", Map.of("name", name, "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode json = created.json();
        return new User(json.path("id").asLong(), admin.withKey(json.path("api_key").asString()));
    }

    /** The data source is taken from the default group, whether or not creating it granted it there. */
    public void ungrantFromDefaultGroup(long dataSource) {
        long defaults = admin.get("/api/groups").json().valueStream()
                .filter(g -> "default".equals(g.path("name").asString())).findFirst().orElseThrow().path("id").asLong();
        admin.delete("/api/groups/" + defaults + "/data_sources/" + dataSource);
        assertThat(admin.get("/api/groups/" + defaults + "/data_sources").json().values())
                .extracting(ds -> ds.path("id").asLong()).doesNotContain(dataSource);
    }

    /** A new group with the user in it and access to the data source, full or view-only. */
    public void grant(User user, long dataSource, boolean viewOnly) {
        var group = admin.post("/api/groups", Map.of("name", "access-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        long groupId = group.json().path("id").asLong();
        var member = admin.post("/api/groups/" + groupId + "/members", Map.of("user_id", user.id()));
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        var granted = admin.post("/api/groups/" + groupId + "/data_sources", Map.of("data_source_id", dataSource));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        if (viewOnly) {
            var changed = admin.post("/api/groups/" + groupId + "/data_sources/" + dataSource, Map.of("view_only", true));
            assertThat(changed.json().path("view_only").asBoolean()).as(changed.toString()).isTrue();
        }
    }

    /** A saved query of the admin's, with no parameters. */
    public long saveQuery(long dataSource, String sql) {
        var saved = admin.post("/api/queries", Map.of("data_source_id", dataSource, "name", "q " + UUID.randomUUID(),
                "query", sql));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("id").asLong();
    }

    /** Runs the saved query as the admin and returns its result's id, now the query's latest. */
    public long runQuery(long query) {
        JsonNode result = new Runs(admin).resultOf(admin.post("/api/queries/" + query + "/results", Map.of("max_age", 0)));
        return result.path("id").asLong();
    }

    public record User(long id, Api api) {
    }
}
