package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A group's access to a data source decides what its members may run: full access runs any SQL, view-only only
 * saved safe queries, no access nothing.
 */
class DataSourceAccessTest extends EmbeddedServerTest {

    private long dataSource;
    private String dataSourceName;
    private long group;
    private Api alice;

    @BeforeEach
    void analystWithAGroupAndADataSourceOnlyThatGroupMayUse() {
        var support = new UserAdminSupport(api());
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:access_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
        dataSourceName = api().get("/api/data_sources/" + dataSource).json().path("name").asString();
        long defaults = api().get("/api/groups").json().valueStream()
                .filter(g -> "default".equals(g.path("name").asString())).findFirst().orElseThrow().path("id").asLong();
        // unlike Redash, a new data source is no group's until an admin grants one access
        assertThat(api().get("/api/groups/" + defaults + "/data_sources").json().values())
                .extracting(ds -> ds.path("id").asLong()).doesNotContain(dataSource);

        group = support.createGroup("viewers").path("id").asLong();
        JsonNode user = support.createUser("Alice", null);
        api().post("/api/groups/" + group + "/members", Map.of("user_id", user.path("id").asLong()));
        alice = support.as(user);
    }

    @Test
    void viewOnlyMemberRunsSavedSafeQueriesButNoOwnSql() {
        var granted = api().post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", dataSource));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("view_only").asBoolean()).isFalse();
        var viewOnly = api().post("/api/groups/" + group + "/data_sources/" + dataSource, Map.of("view_only", true));
        assertThat(viewOnly.json().path("view_only").asBoolean()).isTrue();

        assertThat(listed().path("view_only").asBoolean()).isTrue();

        var adHoc = alice.post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 1", "max_age", 0));
        assertThat(adHoc.status()).isEqualTo(403);
        assertThat(adHoc.message()).contains("view-only").contains(dataSourceName);

        long safe = save("SELECT {{ n }} AS n", List.of(Map.of("name", "n", "type", "number")));
        var safeRun = alice.post("/api/queries/" + safe + "/results", Map.of("parameters", Map.of("n", 7), "max_age", 0));
        assertThat(new Runs(alice).resultOf(safeRun).path("data").path("rows").get(0).path("n").asInt()).isEqualTo(7);

        long unsafe = save("SELECT '{{ who }}' AS who", List.of(Map.of("name", "who", "type", "text")));
        var unsafeRun = alice.post("/api/queries/" + unsafe + "/results", Map.of("parameters", Map.of("who", "x"), "max_age", 0));
        assertThat(unsafeRun.status()).isEqualTo(403);
        assertThat(unsafeRun.message()).contains("text parameters").contains(dataSourceName);
    }

    @Test
    void fullAccessRunsAnySqlAndRevokedAccessRunsNothing() {
        api().post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", dataSource));
        assertThat(listed().path("view_only").asBoolean()).isFalse();
        var adHoc = alice.post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 1 AS one", "max_age", 0));
        assertThat(new Runs(alice).resultOf(adHoc).path("data").path("rows").get(0).path("one").asInt()).isEqualTo(1);

        assertThat(api().delete("/api/groups/" + group + "/data_sources/" + dataSource).status()).isEqualTo(200);
        assertThat(api().get("/api/groups/" + group + "/data_sources").json().size()).isZero();
        assertThat(alice.get("/api/data_sources").json().values()).extracting(ds -> ds.path("id").asLong())
                .doesNotContain(dataSource);
        var refused = alice.post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 1", "max_age", 0));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("no access").contains(dataSourceName);
    }

    @Test
    void grantingNamesWhatIsMissing() {
        var missing = api().post("/api/groups/" + group + "/data_sources", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("'data_source_id'");
        var unknown = api().post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", 999999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api().post("/api/groups/999999/data_sources", Map.of("data_source_id", dataSource)).status())
                .isEqualTo(404);
    }

    private JsonNode listed() {
        return alice.get("/api/data_sources").json().valueStream().filter(ds -> ds.path("id").asLong() == dataSource)
                .findFirst().orElseThrow();
    }

    private long save(String sql, List<Map<String, Object>> parameters) {
        var response = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "q " + UUID.randomUUID(),
                "query", sql, "options", Map.of("parameters", parameters)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
