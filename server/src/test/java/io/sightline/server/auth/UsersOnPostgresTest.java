package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The user, group and access SQL on PostgreSQL as the metadata store (the other tests use H2). */
class UsersOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void usersGroupsAndAccessWorkOnPostgres() {
        var support = new UserAdminSupport(api());
        JsonNode alice = support.createUser("Alice", "alice-secret");
        long aliceId = alice.path("id").asLong();
        long group = support.createGroup("pg").path("id").asLong();

        assertThat(api().post("/api/groups/" + group + "/members", Map.of("user_id", aliceId)).status()).isEqualTo(200);
        assertThat(api().get("/api/groups/" + group + "/members").json().size()).isEqualTo(1);
        var edited = api().post("/api/users/" + aliceId, Map.of("groups", List.of(group), "email", "alice-pg@example.com"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("groups").values()).extracting(JsonNode::asLong).containsExactly(group);

        long dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:pg_access;DB_CLOSE_DELAY=-1", Map.of());
        var granted = api().post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", dataSource));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        api().post("/api/groups/" + group + "/data_sources/" + dataSource, Map.of("view_only", true));
        var listed = support.as(alice).get("/api/data_sources").json();
        assertThat(listed.values()).filteredOn(ds -> ds.path("id").asLong() == dataSource).singleElement()
                .satisfies(ds -> assertThat(ds.path("view_only").asBoolean()).isTrue());

        assertThat(api().post("/api/users/" + aliceId + "/disable", Map.of()).json().path("is_disabled").asBoolean()).isTrue();
        assertThat(support.as(alice).get("/api/session").status()).isEqualTo(401);
        assertThat(api().delete("/api/groups/" + group).status()).isEqualTo(200);
        assertThat(api().get("/api/users/" + aliceId).json().path("groups").size()).isZero();
    }
}
