package io.sightline.server.execution.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code {{ current_user.* }}} on the machine's real PostgreSQL: two users run the same saved query and each sees
 * only their rows, the cache never serves one user's rows to the other, a value sent for {@code current_user} is a
 * 400, and the values are escaped (a name with a quote).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedIdentityTest extends EmbeddedServerTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String table = "audit_identity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Api admin;
    private long ds;
    private long group;

    @BeforeAll
    void table() throws Exception {
        admin = api();
        ds = new DataSourceFixtures(admin).postgres(Map.of());
        var created = admin.post("/api/groups", Map.of("name", "identity-" + UUID.randomUUID()));
        group = created.json().path("id").asLong();
        admin.post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", ds));
        try (var connection = DriverManager.getConnection(PG, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (owner text, n int)");
        }
    }

    @AfterAll
    void dropTable() throws Exception {
        try (var connection = DriverManager.getConnection(PG, "postgres", ""); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private JsonNode user(String name) throws Exception {
        var response = admin.post("/api/users", Map.of("name", name, "email",
                "identity-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode user = response.json();
        admin.post("/api/groups/" + group + "/members", Map.of("user_id", user.path("id").asLong()));
        try (var connection = DriverManager.getConnection(PG, "postgres", "");
             var insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            insert.setString(1, user.path("email").asString());
            insert.setInt(2, user.path("id").asInt());
            insert.execute();
        }
        return user;
    }

    private static List<Integer> ns(JsonNode result) {
        return result.path("data").path("rows").valueStream().map(row -> row.path("n").asInt()).toList();
    }

    @Test
    void eachUserSeesOnlyTheirRowsAndNeverAnotherUsersCachedResult() throws Exception {
        JsonNode a = user("Identity A");
        JsonNode b = user("Identity O'Brien");
        Api asA = admin.withKey(a.path("api_key").asString());
        Api asB = admin.withKey(b.path("api_key").asString());
        var saved = asA.post("/api/queries", Map.of("data_source_id", ds, "name", "mine",
                "query", "SELECT n FROM " + table + " WHERE owner = '{{ current_user.email }}' ORDER BY n"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String path = "/api/queries/" + saved.json().path("id").asString() + "/results";

        assertThat(ns(new Runs(asA).resultOf(asA.post(path, Map.of("max_age", 0))))).containsExactly(a.path("id").asInt());
        // B asks for any cached result: A's must not be it
        assertThat(ns(new Runs(asB).resultOf(asB.post(path, Map.of())))).containsExactly(b.path("id").asInt());
        assertThat(ns(new Runs(asA).resultOf(asA.post(path, Map.of())))).containsExactly(a.path("id").asInt());
        assertThat(asB.get("/api/queries/" + saved.json().path("id").asString()).json().path("latest_query_data_id")
                .isNull()).as("a per-user result is nobody's latest result of the query").isTrue();

        var who = new Runs(asB).resultOf(asB.post("/api/query_results", Map.of("data_source_id", ds, "max_age", 0,
                "query", "SELECT {{ current_user.id }} AS id, '{{ current_user.name }}' AS name,"
                        + " '{{ current_user.email }}' AS email, 'x' IN ({{ current_user.groups }}) AS in_x")));
        JsonNode row = who.path("data").path("rows").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(b.path("id").asLong());
        assertThat(row.path("name").asString()).isEqualTo("Identity O'Brien");
        assertThat(row.path("email").asString()).isEqualTo(b.path("email").asString());
        assertThat(row.path("in_x").asBoolean()).isFalse();
        var groups = new Runs(asB).resultOf(asB.post("/api/query_results", Map.of("data_source_id", ds, "max_age", 0,
                "query", "SELECT 'default' IN ({{ current_user.groups }}) AS in_default")));
        assertThat(groups.path("data").path("rows").get(0).path("in_default").asBoolean()).isTrue();
    }

    @Test
    void aValueSentForTheIdentityIsRefused() throws Exception {
        JsonNode c = user("Identity C");
        Api asC = admin.withKey(c.path("api_key").asString());
        for (String name : List.of("current_user", "current_user.email")) {
            var refused = asC.post("/api/query_results", Map.of("data_source_id", ds, "max_age", 0,
                    "query", "SELECT n FROM " + table + " WHERE owner = '{{ current_user.email }}'",
                    "parameters", Map.of(name, "someone@example.com")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.message()).contains("'" + name + "'").contains("filled by the server");
        }
        var unknown = asC.post("/api/query_results", Map.of("data_source_id", ds, "max_age", 0,
                "query", "SELECT {{ current_user.password }}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("current_user.password");
        // bare text would let a user's own name be SQL: refused; a list in quotes likewise
        for (String sql : List.of("SELECT 1 WHERE 'a' = {{ current_user.name }}", "SELECT {{ current_user.email }}",
                "SELECT 'x' IN ('{{ current_user.groups }}')")) {
            var bare = asC.post("/api/query_results", Map.of("data_source_id", ds, "max_age", 0, "query", sql));
            assertThat(bare.status()).as(sql + " " + bare).isEqualTo(400);
            assertThat(bare.message()).contains("current_user.");
        }
    }
}
