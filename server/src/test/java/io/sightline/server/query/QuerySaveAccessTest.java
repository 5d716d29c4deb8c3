package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Saving SQL (create, update, fork) needs full access to the data source it runs on, and a view-only user runs
 * only queries whose owner has full access: otherwise view-only access would run any SQL by saving it first.
 */
class QuerySaveAccessTest extends EmbeddedServerTest {

    private AccessFixtures fixtures;
    private long dataSource;
    private String dataSourceName;

    @BeforeEach
    void privateDataSource() {
        fixtures = new AccessFixtures(api());
        dataSource = fixtures.privateDataSource();
        dataSourceName = fixtures.dataSourceName(dataSource);
    }

    @Test
    void rejectsCreatingAQueryWithViewOnlyOrNoAccess() {
        Member viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, dataSource, true);
        var viewOnly = viewer.api().post("/api/queries", query(dataSource, "SELECT 1"));
        assertThat(viewOnly.status()).as(viewOnly.toString()).isEqualTo(403);
        assertThat(viewOnly.message()).contains("view-only").contains(dataSourceName).contains("full access");

        Member outsider = fixtures.user("Outsider");
        Map<String, Object> scheduled = query(dataSource, "SELECT 1");
        scheduled.put("schedule", Map.of("interval", 60));
        var noAccess = outsider.api().post("/api/queries", scheduled);
        assertThat(noAccess.status()).as(noAccess.toString()).isEqualTo(403);
        assertThat(noAccess.message()).contains("no access").contains(dataSourceName);
        assertThat(api().get("/api/queries?q=" + marker()).json().path("count").asInt())
                .as("nothing was saved").isZero();
    }

    @Test
    void rejectsUpdatesOnceAccessIsViewOnlyAndMovesToAViewOnlyDataSource() {
        Member analyst = fixtures.user("Analyst");
        long group = fixtures.grant(analyst, dataSource, false);
        var created = analyst.api().post("/api/queries", query(dataSource, "SELECT 1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();

        long other = fixtures.privateDataSource();
        fixtures.grant(analyst, other, true);
        var moved = analyst.api().post("/api/queries/" + id, Map.of("data_source_id", other));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(403);
        assertThat(moved.message()).contains("view-only").contains(fixtures.dataSourceName(other));

        fixtures.setViewOnly(group, dataSource, true);
        var renamed = analyst.api().post("/api/queries/" + id, Map.of("query", "SELECT 2"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(403);
        assertThat(renamed.message()).contains("view-only").contains(dataSourceName);
        assertThat(api().get("/api/queries/" + id).json().path("query").asString()).isEqualTo("SELECT 1");
    }

    @Test
    void rejectsForkingWithViewOnlyAccess() {
        long id = api().post("/api/queries", query(dataSource, "SELECT 1")).json().path("id").asLong();
        Member viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, dataSource, true);
        assertThat(viewer.api().get("/api/queries/" + id).status()).as("view-only may see it").isEqualTo(200);

        var fork = viewer.api().post("/api/queries/" + id + "/fork", Map.of());
        assertThat(fork.status()).as(fork.toString()).isEqualTo(403);
        assertThat(fork.message()).contains("view-only").contains(dataSourceName);

        Member analyst = fixtures.user("Analyst");
        fixtures.grant(analyst, dataSource, false);
        assertThat(analyst.api().post("/api/queries/" + id + "/fork", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void adminsSaveOnDataSourcesNoGroupReaches() {
        var created = api().post("/api/queries", query(dataSource, "SELECT 1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        assertThat(api().post("/api/queries/" + id, Map.of("name", "renamed " + marker())).status()).isEqualTo(200);
        assertThat(api().post("/api/queries/" + id + "/fork", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void viewOnlyUserRunsOnlyQueriesWhoseOwnerStillHasFullAccessAndIsEnabled() {
        Member owner = fixtures.user("Owner");
        long ownerGroup = fixtures.grant(owner, dataSource, false);
        Member viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, dataSource, true);
        Map<String, Object> safe = query(dataSource, "SELECT {{ n }} AS n");
        safe.put("options", Map.of("parameters", List.of(Map.of("name", "n", "type", "number"))));
        long id = owner.api().post("/api/queries", safe).json().path("id").asLong();

        assertThat(run(viewer.api(), id, 7).path("data").path("rows").get(0).path("n").asInt()).isEqualTo(7);

        fixtures.setViewOnly(ownerGroup, dataSource, true);
        var ownerLostAccess = viewer.api().post("/api/queries/" + id + "/results", runBody(8));
        assertThat(ownerLostAccess.status()).as(ownerLostAccess.toString()).isEqualTo(403);
        assertThat(ownerLostAccess.message()).contains("view-only").contains(dataSourceName)
                .contains("Owner").contains("does not have full access");

        fixtures.setViewOnly(ownerGroup, dataSource, false);
        assertThat(run(viewer.api(), id, 9).path("data").path("rows").get(0).path("n").asInt()).isEqualTo(9);
        assertThat(api().post("/api/users/" + owner.id() + "/disable", Map.of()).status()).isEqualTo(200);
        var ownerDisabled = viewer.api().post("/api/queries/" + id + "/results", runBody(10));
        assertThat(ownerDisabled.status()).as(ownerDisabled.toString()).isEqualTo(403);
        assertThat(ownerDisabled.message()).contains("disabled");

        assertThat(run(api(), id, 11).path("data").path("rows").get(0).path("n").asInt())
                .as("full access runs it whoever wrote it").isEqualTo(11);
    }

    private JsonNode run(Api as, long id, int n) {
        return new Runs(as).resultOf(as.post("/api/queries/" + id + "/results", runBody(n)));
    }

    private static Map<String, Object> runBody(int n) {
        return Map.of("parameters", Map.of("n", n), "max_age", 0);
    }

    private String marker() {
        return "saveaccess" + dataSource;
    }

    private Map<String, Object> query(long dataSourceId, String sql) {
        Map<String, Object> body = new HashMap<>();
        body.put("data_source_id", dataSourceId);
        body.put("name", AccessFixtures.unique("q") + " " + marker());
        body.put("query", sql);
        return body;
    }
}
