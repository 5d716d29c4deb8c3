package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V22 table on PostgreSQL: granting twice, can_edit in a list and a single answer, revoking. */
class PermissionsOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void grantsWorkOnPostgres() {
        AccessFixtures access = new AccessFixtures(api());
        long dataSource = access.privateDataSource();
        Member owner = access.user("PgOwner");
        Member other = access.user("PgOther");
        access.grant(owner, dataSource, false);
        access.grant(other, dataSource, false);
        long query = owner.api().post("/api/queries", Map.of("data_source_id", dataSource, "name",
                AccessFixtures.unique("pg acl"), "query", "SELECT 1 AS n")).json().path("id").asLong();
        Map<String, Object> body = Map.of("access_type", "modify", "user_id", other.id());

        var first = owner.api().post("/api/queries/" + query + "/acl", body);
        var second = owner.api().post("/api/queries/" + query + "/acl", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(other.api().get("/api/queries/" + query).json().path("can_edit").asBoolean()).isTrue();
        assertThat(other.api().get("/api/queries").json().path("results").valueStream()
                .filter(q -> q.path("id").asLong() == query).findFirst().orElseThrow().path("can_edit").asBoolean())
                .isTrue();
        assertThat(other.api().post("/api/queries/" + query, Map.of("name", "pg grantee")).status()).isEqualTo(200);
        assertThat(owner.api().delete("/api/queries/" + query + "/acl", body).status()).isEqualTo(200);
        assertThat(other.api().get("/api/queries/" + query + "/acl/modify").json().path("response").asBoolean())
                .isFalse();
    }
}
