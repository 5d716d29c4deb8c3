package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_visualizations.py ({@code VisualizationResourceTest}) over HTTP: the owner of a
 * query, whoever the owner lets modify it, and admins change its visualizations; others who reach the data source
 * get 403. Sightline has one organization, so the checks of another organization's admin have nothing to follow.
 */
class VisualizationHandlersTest extends EmbeddedServerTest {

    private Member owner;
    private Member other;
    private long dataSource;

    @BeforeEach
    void ownerAndAnotherUserReachingTheDataSource() {
        AccessFixtures access = new AccessFixtures(api());
        dataSource = access.privateDataSource();
        owner = access.user("Owner");
        other = access.user("Other");
        access.grant(owner, dataSource, false);
        access.grant(other, dataSource, false);
    }

    @Test
    void createVisualization() {
        long query = query();

        var created = owner.api().post("/api/visualizations", chart(query));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode visualization = created.json();
        assertThat(visualization.path("name").asString()).isEqualTo("Chart");
        assertThat(visualization.path("description").asString()).isEmpty();
        assertThat(visualization.path("type").asString()).isEqualTo("CHART");
        assertThat(visualization.path("options").isObject()).as(visualization.toString()).isTrue();
        assertThat(visualization.path("id").asLong()).isPositive();
        assertThat(owner.api().get("/api/queries/" + query).json().path("visualizations").valueStream()
                .map(v -> v.path("id").asLong())).contains(visualization.path("id").asLong());
    }

    @Test
    void deleteVisualization() {
        long query = query();
        long visualization = created(query);

        var deleted = owner.api().delete("/api/visualizations/" + visualization);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(visualizationIds(query)).doesNotContain(visualization);
    }

    @Test
    void updateVisualization() {
        long visualization = created(query());

        var updated = owner.api().post("/api/visualizations/" + visualization, Map.of("name", "After Update"));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("After Update");
    }

    @Test
    void onlyOwnerCollaboratorOrAdminCanCreateVisualization() {
        long query = query();

        assertThat(api().post("/api/visualizations", chart(query)).status()).isEqualTo(200);
        assertThat(other.api().post("/api/visualizations", chart(query)).status()).isEqualTo(403);
        letOtherModify(query);
        assertThat(other.api().post("/api/visualizations", chart(query)).status()).isEqualTo(200);
    }

    @Test
    void onlyOwnerCollaboratorOrAdminCanEditVisualization() {
        long query = query();
        String path = "/api/visualizations/" + created(query);
        Map<String, Object> data = Map.of("name", "After Update");

        assertThat(api().post(path, data).status()).isEqualTo(200);
        assertThat(other.api().post(path, data).status()).isEqualTo(403);
        letOtherModify(query);
        assertThat(other.api().post(path, data).status()).isEqualTo(200);
    }

    @Test
    void onlyOwnerCollaboratorOrAdminCanDeleteVisualization() {
        long query = query();

        assertThat(api().delete("/api/visualizations/" + created(query)).status()).isEqualTo(200);

        String path = "/api/visualizations/" + created(query);
        assertThat(other.api().delete(path).status()).isEqualTo(403);
        letOtherModify(query);
        assertThat(other.api().delete(path).status()).isEqualTo(200);
    }

    @Test
    void deletingAVisualizationDeletesDashboardWidgets() {
        long visualization = created(query());
        var dashboard = owner.api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("board")));
        long dashboardId = dashboard.json().path("id").asLong();
        var widget = owner.api().post("/api/widgets", Map.of("visualization_id", visualization,
                "dashboard_id", dashboardId, "options", Map.of(), "width", 1));
        assertThat(widget.status()).as(widget.toString()).isEqualTo(200);

        assertThat(owner.api().delete("/api/visualizations/" + visualization).status()).isEqualTo(200);

        assertThat(owner.api().get("/api/dashboards/" + dashboardId).json().path("widgets").size()).isZero();
    }

    private void letOtherModify(long query) {
        var granted = owner.api().post("/api/queries/" + query + "/acl",
                Map.of("access_type", "modify", "user_id", other.id()));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    }

    private long query() {
        var created = owner.api().post("/api/queries", Map.of("name", "charted", "query", "SELECT 1 AS v",
                "data_source_id", dataSource));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private long created(long query) {
        var created = owner.api().post("/api/visualizations", chart(query));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private List<Long> visualizationIds(long query) {
        return owner.api().get("/api/queries/" + query).json().path("visualizations").valueStream()
                .map(v -> v.path("id").asLong()).toList();
    }

    private static Map<String, Object> chart(long query) {
        return Map.of("query_id", query, "name", "Chart", "description", "", "options", Map.of(), "type", "CHART");
    }
}
