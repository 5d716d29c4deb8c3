package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import io.sightline.server.system.ApiException;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A PostgreSQL data source told who runs each query (pass_identity, identity_role): the database's own row-level
 * security tells users apart, on the machine's real PostgreSQL, in a database of the test's own with a policy on
 * {@code current_setting('sightline.user_email')}, forced, for a role that is no superuser.
 */
class PassedIdentityTest extends EmbeddedServerTest {

    private static final String DATABASE = "sightline_it_rls";
    private static final String ROLE = "sightline_it_rls_reader";

    @Autowired
    QueryRuns runs;

    @BeforeAll
    static void database() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "')"
                    + " THEN CREATE ROLE " + ROLE + " NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
        }
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (owner TEXT NOT NULL, item TEXT NOT NULL)");
            statement.execute("ALTER TABLE orders ENABLE ROW LEVEL SECURITY");
            statement.execute("ALTER TABLE orders FORCE ROW LEVEL SECURITY");
            statement.execute("CREATE POLICY own_rows ON orders USING (owner = current_setting('sightline.user_email', true))");
            statement.execute("GRANT SELECT ON orders TO " + ROLE);
        }
    }

    private static void insert(String owner, String... items) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             var insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
            for (String item : items) {
                insert.setString(1, owner);
                insert.setString(2, item);
                insert.execute();
            }
        }
    }

    private static List<String> items(JsonNode result) {
        List<String> items = new ArrayList<>();
        result.path("data").path("rows").forEach(row -> items.add(row.path("item").asString()));
        return items;
    }

    private static String email(AccessFixtures.Member member) {
        return member.api().get("/api/session").json().path("user").path("email").asString();
    }

    @Test
    void twoUsersRunTheSameSavedQueryAndEachSeesOnlyTheirRowsNeverTheOthersCachedResult() throws Exception {
        var access = new AccessFixtures(api());
        long source = new DataSourceFixtures(api()).postgres(Map.of("dbname", DATABASE, "pass_identity", true,
                "identity_role", ROLE));
        var alice = access.user("Alice");
        var bob = access.user("Bob");
        access.grant(alice, source, false);
        access.grant(bob, source, true); // view-only: runs saved queries, writes no SQL
        insert(email(alice), "alice-1", "alice-2");
        insert(email(bob), "bob-1");
        insert("carol@example.com", "carol-1");

        var created = api().post("/api/queries", Map.of("name", "Orders", "query",
                "SELECT item FROM orders ORDER BY item", "data_source_id", source));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long query = created.json().path("id").asLong();
        String path = "/api/queries/" + query + "/results";

        assertThat(items(new Runs(alice.api()).resultOf(alice.api().post(path, Map.of("max_age", 0)))))
                .containsExactly("alice-1", "alice-2");
        assertThat(items(new Runs(bob.api()).resultOf(bob.api().post(path, Map.of("max_age", 0)))))
                .containsExactly("bob-1");

        // any cached result would do: each is answered from their own, never from the other's
        JsonNode aliceCached = new Runs(alice.api()).resultOf(alice.api().post(path, Map.of("max_age", -1)));
        JsonNode bobCached = new Runs(bob.api()).resultOf(bob.api().post(path, Map.of("max_age", -1)));
        assertThat(items(aliceCached)).containsExactly("alice-1", "alice-2");
        assertThat(items(bobCached)).containsExactly("bob-1");
        assertThat(aliceCached.path("id").asLong()).isNotEqualTo(bobCached.path("id").asLong());
        String aliceResult = "/api/query_results/" + aliceCached.path("id").asLong();
        assertThat(alice.api().get(aliceResult).status()).isEqualTo(200);
        assertThat(bob.api().get(aliceResult).status()).as("another user's own result, asked for by its id")
                .isEqualTo(404);
        assertThat(bob.api().get(aliceResult + ".csv").status()).isEqualTo(404);
        assertThat(items(new Runs(api()).resultOf(api().post(path, Map.of("max_age", -1)))))
                .as("the admin who wrote it owns no rows").isEmpty();
    }

    @Test
    void theRunSeesItsUsersEmailIdAndGroupsAndTheMappedRole() throws Exception {
        var access = new AccessFixtures(api());
        long source = new DataSourceFixtures(api()).postgres(Map.of("dbname", DATABASE, "pass_identity", true,
                "identity_role", ROLE));
        var dana = access.user("Dana");
        long group = access.grant(dana, source, false);
        String groupName = api().get("/api/groups/" + group).json().path("name").asString();
        JsonNode row = new Runs(dana.api()).result(source, "SELECT current_setting('sightline.user_email') AS email,"
                + " current_setting('sightline.user_id') AS id, current_setting('sightline.user_groups') AS groups,"
                + " current_user AS role").path("data").path("rows").path(0);
        assertThat(row.path("email").asString()).isEqualTo(email(dana));
        assertThat(row.path("id").asString()).isEqualTo(Long.toString(dana.id()));
        assertThat(row.path("groups").asString().split(",")).contains("default", groupName);
        assertThat(row.path("role").asString()).isEqualTo(ROLE);

        JsonNode after = new Runs(dana.api()).result(source, "SELECT current_user AS role,"
                + " current_setting('sightline.user_email', true) AS email").path("data").path("rows").path(0);
        assertThat(after.path("role").asString()).as("each run sets them anew, inside its own transaction")
                .isEqualTo(ROLE);
        assertThat(after.path("email").asString()).isEqualTo(email(dana));
    }

    @Test
    void aQueryOnSuchASourceNeverRunsOnAScheduleNorForASharedLink() {
        long source = new DataSourceFixtures(api()).postgres(Map.of("dbname", DATABASE, "pass_identity", true));
        var created = api().post("/api/queries", Map.of("name", "Orders", "query", "SELECT item FROM orders",
                "data_source_id", source));
        long query = created.json().path("id").asLong();
        assertThatThrownBy(() -> runs.refresh(query, 1L, "job-" + query))
                .isInstanceOf(ApiException.class).hasMessageContaining("pass_identity");
        assertThatThrownBy(() -> runs.checkSharedValues(query, Map.of()))
                .isInstanceOf(ApiException.class).hasMessageContaining("shared link");
    }

    @Test
    void aBadRoleOrARoleWithoutPassingTheUserIsRefused() {
        var badRole = api().post("/api/data_sources", Map.of("name", AccessFixtures.unique("rls"), "type", "pg",
                "options", Map.of("dbname", DATABASE, "pass_identity", true, "identity_role", "x; DROP TABLE orders")));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.message()).contains("identity_role");
        var withoutPassing = api().post("/api/data_sources", Map.of("name", AccessFixtures.unique("rls"), "type", "pg",
                "options", Map.of("dbname", DATABASE, "identity_role", ROLE)));
        assertThat(withoutPassing.status()).isEqualTo(400);
        assertThat(withoutPassing.message()).contains("pass_identity");
        var notABoolean = api().post("/api/data_sources", Map.of("name", AccessFixtures.unique("rls"), "type", "pg",
                "options", Map.of("dbname", DATABASE, "pass_identity", "yes")));
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.message()).contains("pass_identity");
    }
}
