package io.sightline.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Widgets and dashboard edits through HTTP: a dashboard's JSON carries its widgets with their visualizations and
 * queries, restricted where the caller does not reach the data source; updates with Redash's version rule.
 */
class WidgetApiTest extends EmbeddedServerTest {

    private AccessFixtures fixtures;
    private long dataSource;
    private Member owner;

    @BeforeEach
    void privateDataSource() {
        fixtures = new AccessFixtures(api());
        dataSource = fixtures.privateDataSource();
        owner = fixtures.user("Owner");
        fixtures.grant(owner, dataSource, false);
    }

    @Test
    void widgetsAreAddedChangedAndRemovedAndTheDashboardCarriesThem() {
        Api api = owner.api();
        JsonNode query = query(api, "SELECT 1 AS n", "[]");
        long viz = chart(api, query.path("id").asLong());
        long dashboard = dashboard(api);

        var added = api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz, "width", 1,
                "options", Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 6, "sizeY", 8))));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        long widget = added.json().path("id").asLong();
        assertThat(added.json().path("dashboard_id").asLong()).isEqualTo(dashboard);
        assertThat(added.json().path("visualization").path("id").asLong()).isEqualTo(viz);
        assertThat(added.json().path("visualization").path("query").path("id").asLong())
                .isEqualTo(query.path("id").asLong());
        assertThat(added.json().path("visualization").path("query").path("query").asString()).isEqualTo("SELECT 1 AS n");

        var text = api.post("/api/widgets", new HashMap<>(Map.of("dashboard_id", dashboard, "text", "# Notes\nHello",
                "width", 1, "options", Map.of("position", Map.of("col", 6, "row", 0, "sizeX", 6, "sizeY", 3)))));
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        assertThat(text.json().has("visualization")).isFalse();
        assertThat(text.json().path("text").asString()).isEqualTo("# Notes\nHello");

        JsonNode read = api.get("/api/dashboards/" + dashboard).json();
        assertThat(read.path("widgets").size()).isEqualTo(2);
        assertThat(read.path("widgets").get(0).path("options").path("position").path("sizeX").asInt()).isEqualTo(6);
        assertThat(read.path("widgets").get(0).path("visualization").path("name").asString()).isEqualTo("Chart");

        var moved = api.post("/api/widgets/" + widget, Map.of("options", Map.of("position",
                Map.of("col", 2, "row", 4, "sizeX", 10, "sizeY", 5))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(api.get("/api/dashboards/" + dashboard).json().path("widgets").get(0).path("options")
                .path("position").path("col").asInt()).isEqualTo(2);
        var retext = api.post("/api/widgets/" + text.json().path("id").asLong(), Map.of("text", "Changed"));
        assertThat(retext.json().path("text").asString()).isEqualTo("Changed");
        assertThat(retext.json().path("options").path("position").path("col").asInt()).as("options not sent stay")
                .isEqualTo(6);

        assertThat(api.delete("/api/widgets/" + widget).status()).isEqualTo(200);
        JsonNode after = api.get("/api/dashboards/" + dashboard).json().path("widgets");
        assertThat(after.size()).isEqualTo(1);
        assertThat(after.get(0).path("text").asString()).isEqualTo("Changed");
        assertThat(api.delete("/api/widgets/" + widget).status()).isEqualTo(404);

        JsonNode listed = api.get("/api/dashboards?q=" + read.path("name").asString()).json().path("results");
        assertThat(listed.get(0).path("widgets").isNull()).as("lists carry no widgets, as in Redash").isTrue();
    }

    @Test
    void aWidgetOfAQueryTheCallerCannotReachIsRestrictedViewOnlySeesItWhole() {
        JsonNode query = query(owner.api(), "SELECT 2 AS n", "[]");
        long viz = chart(owner.api(), query.path("id").asLong());
        long dashboard = dashboard(owner.api());
        long widget = widget(owner.api(), dashboard, viz, Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 4,
                "sizeY", 4)));
        owner.api().post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "note", "width", 1));

        Member outsider = fixtures.user("Outsider");
        JsonNode seen = outsider.api().get("/api/dashboards/" + dashboard).json().path("widgets");
        JsonNode restricted = seen.get(0);
        assertThat(restricted.propertyNames()).containsExactlyInAnyOrder("id", "width", "dashboard_id", "options",
                "created_at", "updated_at", "restricted");
        assertThat(restricted.path("restricted").asBoolean()).isTrue();
        assertThat(restricted.path("id").asLong()).isEqualTo(widget);
        assertThat(restricted.path("options").path("position").path("sizeX").asInt()).isEqualTo(4);
        assertThat(restricted.toString()).doesNotContain("SELECT 2");
        assertThat(seen.get(1).path("text").asString()).as("a text widget is for everyone").isEqualTo("note");
        var addIt = outsider.api().post("/api/widgets", Map.of("dashboard_id", dashboard(outsider.api()),
                "visualization_id", viz));
        assertThat(addIt.status()).as("a visualization the caller cannot reach is not found").isEqualTo(404);

        Member viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, dataSource, true);
        JsonNode whole = viewer.api().get("/api/dashboards/" + dashboard).json().path("widgets").get(0);
        assertThat(whole.has("restricted")).isFalse();
        assertThat(whole.path("visualization").path("query").path("query").asString()).isEqualTo("SELECT 2 AS n");
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesADashboardAndItsWidgets() {
        long dashboard = dashboard(owner.api());
        long text = owner.api().post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "x", "width", 1))
                .json().path("id").asLong();
        Member colleague = fixtures.user("Colleague");
        fixtures.grant(colleague, dataSource, false);
        assertThat(colleague.api().post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "y")).status())
                .isEqualTo(403);
        assertThat(colleague.api().post("/api/widgets/" + text, Map.of("text", "y")).status()).isEqualTo(403);
        assertThat(colleague.api().delete("/api/widgets/" + text).status()).isEqualTo(403);
        assertThat(colleague.api().post("/api/dashboards/" + dashboard, Map.of("name", "mine")).status())
                .isEqualTo(403);
        assertThat(colleague.api().get("/api/dashboards/" + dashboard).json().path("can_edit").asBoolean()).isFalse();
        assertThat(api().post("/api/widgets/" + text, Map.of("text", "admin")).status()).isEqualTo(200);
        assertThat(api().post("/api/widgets", Map.of("dashboard_id", 987654321, "text", "y")).status())
                .isEqualTo(404);
    }

    @Test
    void anUpdateOnAStaleVersionIs409AndWithoutVersionApplies() {
        Api api = owner.api();
        long dashboard = dashboard(api);
        JsonNode first = api.post("/api/dashboards/" + dashboard, Map.of("name", "Renamed " + dashboard,
                "version", 1, "tags", List.of("a", "b"), "options", Map.of("refresh", 300))).json();
        assertThat(first.path("version").asLong()).isEqualTo(2);
        assertThat(first.path("name").asString()).isEqualTo("Renamed " + dashboard);
        assertThat(first.path("slug").asString()).isEqualTo("renamed-" + dashboard);
        assertThat(first.path("options").path("refresh").asInt()).isEqualTo(300);
        assertThat(first.path("tags").values().stream().map(JsonNode::asString)).containsExactly("a", "b");

        var stale = api.post("/api/dashboards/" + dashboard, Map.of("name", "Lost", "version", 1));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.message()).contains("version 2");
        assertThat(api.get("/api/dashboards/" + dashboard).json().path("name").asString())
                .isEqualTo("Renamed " + dashboard);

        var blind = api.post("/api/dashboards/" + dashboard, Map.of("is_draft", true));
        assertThat(blind.status()).as(blind.toString()).isEqualTo(200);
        assertThat(blind.json().path("is_draft").asBoolean()).isTrue();
        assertThat(blind.json().path("version").asLong()).isEqualTo(3);
        assertThat(blind.json().path("options").path("refresh").asInt()).as("options not sent stay").isEqualTo(300);
        assertThat(blind.json().path("options").path("sightline").path("key").asString()).hasSize(36);
    }

    @Test
    void archiveHidesFromListsAndUnarchiveBringsBack() {
        Api api = owner.api();
        long dashboard = dashboard(api);
        String name = api.get("/api/dashboards/" + dashboard).json().path("name").asString();
        var archived = api.delete("/api/dashboards/" + dashboard);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().path("is_archived").asBoolean()).isTrue();
        assertThat(api.get("/api/dashboards?q=" + name).json().path("count").asLong()).isZero();

        var back = api.post("/api/dashboards/" + dashboard, Map.of("is_archived", false));
        assertThat(back.json().path("is_archived").asBoolean()).isFalse();
        assertThat(api.get("/api/dashboards?q=" + name).json().path("count").asLong()).isEqualTo(1);
    }

    @Test
    void forkCopiesTheWidgetsForTheCaller() {
        JsonNode query = query(owner.api(), "SELECT 3 AS n", "[]");
        long viz = chart(owner.api(), query.path("id").asLong());
        long dashboard = dashboard(owner.api());
        owner.api().post("/api/dashboards/" + dashboard, Map.of("tags", List.of("forkme"), "is_draft", false));
        widget(owner.api(), dashboard, viz, Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 3, "sizeY", 3)));
        Member colleague = fixtures.user("Colleague");
        fixtures.grant(colleague, dataSource, true);

        var fork = colleague.api().post("/api/dashboards/" + dashboard + "/fork", Map.of());
        assertThat(fork.status()).as(fork.toString()).isEqualTo(200);
        JsonNode copy = fork.json();
        assertThat(copy.path("id").asLong()).isNotEqualTo(dashboard);
        assertThat(copy.path("name").asString()).startsWith("Copy of (#" + dashboard + ") ");
        assertThat(copy.path("user_id").asLong()).isEqualTo(colleague.id());
        assertThat(copy.path("can_edit").asBoolean()).isTrue();
        assertThat(copy.path("tags").get(0).asString()).isEqualTo("forkme");
        assertThat(copy.path("widgets").size()).isEqualTo(1);
        assertThat(copy.path("widgets").get(0).path("visualization").path("id").asLong()).isEqualTo(viz);
        assertThat(copy.path("options").path("sightline").path("key").asString())
                .isNotEqualTo(owner.api().get("/api/dashboards/" + dashboard).json().path("options").path("sightline")
                        .path("key").asString());
        assertThat(copy.path("is_draft").asBoolean()).as("a fork is a draft, as in Redash").isTrue();
        assertThat(colleague.api().get("/api/dashboards/tags").json().path("tags").valueStream()
                .filter(t -> t.path("name").asString().equals("forkme")).findFirst().orElseThrow().path("count")
                .asInt()).isEqualTo(2);
        assertThat(colleague.api().get("/api/dashboards?tags=forkme").json().path("results").valueStream()
                .map(d -> d.path("id").asLong())).contains(dashboard, copy.path("id").asLong());
        assertThat(owner.api().get("/api/dashboards?tags=forkme").json().path("results").valueStream()
                .map(d -> d.path("id").asLong())).as("another's draft").contains(dashboard)
                .doesNotContain(copy.path("id").asLong());
        assertThat(owner.api().get("/api/dashboards?tags=forkme&tags=" + AccessFixtures.unique("none")).json()
                .path("count").asLong()).isZero();
    }

    @Test
    void parameterMappingsAreCheckedNamingTheField() {
        Api api = owner.api();
        JsonNode query = query(api, "SELECT '{{ region }}' AS region, {{ n }} AS n", """
                [{"name": "region", "title": "Region", "type": "text", "value": "EMEA"},
                 {"name": "n", "title": "N", "type": "number", "value": 1}]""");
        long viz = chart(api, query.path("id").asLong());
        long dashboard = dashboard(api);

        Map<String, Object> good = Map.of("parameterMappings", Map.of(
                "region", Map.of("name", "region", "type", "dashboard-level", "mapTo", "region", "title", ""),
                "n", Map.of("name", "n", "type", "static-value", "value", 5)));
        long widget = widget(api, dashboard, viz, good);
        JsonNode mapping = api.get("/api/dashboards/" + dashboard).json().path("widgets").get(0).path("options")
                .path("parameterMappings");
        assertThat(mapping.path("region").path("type").asString()).isEqualTo("dashboard-level");
        assertThat(mapping.path("n").path("value").asInt()).isEqualTo(5);

        assertBad(api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz, "options",
                Map.of("parameterMappings", Map.of("nope", Map.of("type", "static-value"))))),
                "options.parameterMappings.nope");
        assertBad(api.post("/api/widgets/" + widget, Map.of("options", Map.of("parameterMappings",
                Map.of("region", Map.of("type", "global"))))), "options.parameterMappings.region.type");
        assertBad(api.post("/api/widgets/" + widget, Map.of("options", Map.of("parameterMappings",
                Map.of("region", Map.of("type", "dashboard-level"))))), "options.parameterMappings.region.mapTo");
        assertBad(api.post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "x", "options",
                Map.of("parameterMappings", Map.of("region", Map.of("type", "static-value"))))),
                "options.parameterMappings.region");
        assertBad(api.post("/api/widgets/" + widget, Map.of("options", Map.of("position",
                Map.of("col", 8, "sizeX", 6)))), "options.position.sizeX");
        assertBad(api.post("/api/widgets/" + widget, Map.of("options", Map.of("position", Map.of("row", "top")))),
                "options.position.row");
        assertBad(api.post("/api/widgets", Map.of("visualization_id", viz)), "dashboard_id");
        assertBad(api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", "x")),
                "visualization_id");
        assertBad(api.post("/api/dashboards/" + dashboard, Map.of("options", Map.of("refresh", 5))),
                "options.refresh");
        assertBad(api.post("/api/dashboards/" + dashboard, Map.of("version", "one")), "version");
        assertBad(api.post("/api/dashboards/" + dashboard, Map.of("tags", "x")), "tags");
        assertThat(api.get("/api/dashboards/" + dashboard).json().path("widgets").size()).isEqualTo(1);
    }

    @Test
    void archivingAQueryRemovesItsWidgetsAndDeletingAVisualizationToo() {
        Api api = owner.api();
        JsonNode query = query(api, "SELECT 4 AS n", "[]");
        long viz = chart(api, query.path("id").asLong());
        long table = query.path("visualizations").get(0).path("id").asLong();
        long dashboard = dashboard(api);
        widget(api, dashboard, viz, Map.of());
        widget(api, dashboard, table, Map.of());
        api.post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "stays"));

        assertThat(api.delete("/api/visualizations/" + viz).status()).isEqualTo(200);
        assertThat(api.get("/api/dashboards/" + dashboard).json().path("widgets").size()).isEqualTo(2);
        assertThat(api.delete("/api/queries/" + query.path("id").asLong()).status()).isLessThan(300);
        JsonNode left = api.get("/api/dashboards/" + dashboard).json().path("widgets");
        assertThat(left.size()).isEqualTo(1);
        assertThat(left.get(0).path("text").asString()).isEqualTo("stays");
    }

    @Test
    void theKeyIsTheServersToGive() {
        var created = owner.api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("keyed"),
                "options", Map.of("sightline", Map.of("key", "mine"))));
        String key = created.json().path("options").path("sightline").path("key").asString();
        assertThat(key).isNotEqualTo("mine").hasSize(36);
        var updated = owner.api().post("/api/dashboards/" + created.json().path("id").asLong(),
                Map.of("options", Map.of("sightline", Map.of("key", "other"))));
        assertThat(updated.json().path("options").path("sightline").path("key").asString()).isEqualTo(key);
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("'" + field + "'");
    }

    private JsonNode query(Api api, String sql, String parameters) {
        var created = api.post("/api/queries", "{\"data_source_id\":" + dataSource + ",\"name\":\""
                + AccessFixtures.unique("widget query") + "\",\"query\":" + Api.JSON.writeValueAsString(sql)
                + ",\"options\":{\"parameters\":" + parameters + "}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    private static long chart(Api api, long queryId) {
        var created = api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART", "name", "Chart",
                "options", Map.of("globalSeriesType", "column")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static long dashboard(Api api) {
        var created = api.post("/api/dashboards", Map.of("name", AccessFixtures.unique("widgets")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static long widget(Api api, long dashboard, long viz, Map<String, Object> options) {
        var created = api.post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz,
                "width", 1, "options", options));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
