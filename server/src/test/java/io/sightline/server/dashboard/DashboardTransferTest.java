package io.sightline.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.SightlineServer;
import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dashboards as code: exported from one server and imported into a fresh one (its own data directory and
 * embedded database, the same demo data source by name) they come out identical; importing twice gives one.
 */
class DashboardTransferTest extends EmbeddedServerTest {

    private static final String OTHER_KEY = "it-transfer-admin-key-0123456789";
    private static ConfigurableApplicationContext other;
    private static Api fresh;

    @BeforeAll
    static void freshServer() throws Exception {
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "sightline.data-dir", Files.createTempDirectory("sightline-transfer-").toString(),
                "sightline.database-url", "",
                "sightline.redis-url", "",
                "sightline.admin-api-key", OTHER_KEY,
                "sightline.admin-password", ADMIN_PASSWORD);
        other = new SpringApplicationBuilder(SightlineServer.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int port = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        fresh = new Api(port, OTHER_KEY);
    }

    @AfterAll
    static void stop() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void exportThenImportIntoAFreshServerGivesTheSameDashboardAndTwiceGivesOne() {
        JsonNode source = demoDashboard();
        long sourceId = source.path("id").asLong();
        var exported = api().get("/api/dashboards/" + sourceId + "/export");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode document = exported.json();
        String text = document.toString();
        assertThat(text).as("no secrets, no users").doesNotContain("api_key", "dbpath", "@", "password");
        assertThat(document.path("data_sources").size()).isEqualTo(1);
        assertThat(document.path("data_sources").get(0).path("name").asString()).isEqualTo("Demo sales");
        assertThat(document.path("data_sources").get(0).path("type").asString()).isEqualTo("duckdb");

        var imported = fresh.post("/api/dashboards/import", text);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode copy = imported.json();
        assertThat(copy.path("name").asString()).isEqualTo(source.path("name").asString());
        assertThat(copy.path("options")).isEqualTo(source.path("options"));
        assertThat(copy.path("tags")).isEqualTo(source.path("tags"));
        assertThat(copy.path("widgets").size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            JsonNode a = source.path("widgets").get(i);
            JsonNode b = copy.path("widgets").get(i);
            assertThat(b.path("options")).isEqualTo(a.path("options"));
            assertThat(b.path("text")).isEqualTo(a.path("text"));
            assertThat(b.path("visualization").path("type")).isEqualTo(a.path("visualization").path("type"));
            assertThat(b.path("visualization").path("options")).isEqualTo(a.path("visualization").path("options"));
            assertThat(b.path("visualization").path("query").path("query"))
                    .isEqualTo(a.path("visualization").path("query").path("query"));
        }
        JsonNode again = fresh.get("/api/dashboards/" + copy.path("id").asLong() + "/export").json();
        assertThat(comparable(again)).as("the fresh server exports the same document").isEqualTo(comparable(document));

        var twice = fresh.post("/api/dashboards/import", text);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        assertThat(twice.json().path("id").asLong()).isEqualTo(copy.path("id").asLong());
        assertThat(fresh.get("/api/dashboards?q=" + source.path("name").asString()).json().path("count").asLong())
                .isEqualTo(1);
        long queryId = copy.path("widgets").get(0).path("visualization").path("query").path("id").asLong();
        assertThat(twice.json().path("widgets").get(0).path("visualization").path("query").path("id").asLong())
                .as("the query is updated, not copied").isEqualTo(queryId);

        ((ObjectNode) document.path("dashboard")).put("name", source.path("name").asString() + " v2");
        var renamed = fresh.post("/api/dashboards/import", document);
        assertThat(renamed.json().path("id").asLong()).isEqualTo(copy.path("id").asLong());
        assertThat(renamed.json().path("name").asString()).endsWith(" v2");
    }

    @Test
    void aDataSourceMissingByNameIsA400NamingIt() {
        var fixtures = new AccessFixtures(api());
        long dataSource = fixtures.privateDataSource();
        String name = fixtures.dataSourceName(dataSource);
        var query = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", AccessFixtures
                .unique("transfer"), "query", "SELECT 1 AS n"));
        long viz = query.json().path("visualizations").get(0).path("id").asLong();
        long dashboard = api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("transfer"))).json()
                .path("id").asLong();
        api().post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz));

        var refused = fresh.post("/api/dashboards/import", api().get("/api/dashboards/" + dashboard + "/export")
                .json());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.message()).contains("'" + name + "'").contains("does not exist");

        var outsider = fixtures.user("Outsider");
        assertThat(outsider.api().get("/api/dashboards/" + dashboard + "/export").status())
                .as("a widget the caller sees restricted cannot be exported").isEqualTo(403);
        assertThat(fresh.post("/api/dashboards/import", Map.of("widgets", List.of())).message()).contains("'name'");
    }

    @Test
    void aDrillThroughFindsItsTargetByKeyOnTheOtherServer() {
        long target = api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("drill-target"))).json()
                .path("id").asLong();
        long queryId = api().get("/api/queries?q=sales__revenue_by_region__v1").json().path("results").get(0)
                .path("id").asLong();
        var chart = api().post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART", "name",
                AccessFixtures.unique("drill"), "options", Map.of("globalSeriesType", "column", "sightline",
                        Map.of("drillthrough", Map.of("dashboard", target, "parameters", Map.of("region", "region"))))));
        long source = api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("drill-source"))).json()
                .path("id").asLong();
        api().post("/api/widgets", Map.of("dashboard_id", source, "visualization_id", chart.json().path("id").asLong()));
        JsonNode sourceDocument = api().get("/api/dashboards/" + source + "/export").json();

        JsonNode early = fresh.post("/api/dashboards/import", sourceDocument).json();
        assertThat(drill(early).path("dashboard").isNull()).as("the target is not there yet: no wrong id").isTrue();
        long targetThere = fresh.post("/api/dashboards/import", api().get("/api/dashboards/" + target + "/export")
                .json()).json().path("id").asLong();
        JsonNode again = fresh.post("/api/dashboards/import", sourceDocument).json();
        assertThat(drill(again).path("dashboard").asLong()).isEqualTo(targetThere);
        assertThat(drill(again).path("parameters").path("region").asString()).isEqualTo("region");
    }

    @Test
    void redashsDashboardJsonImportsWithItsSixColumnGridDoubled() {
        JsonNode source = demoDashboard();
        ObjectNode redash = (ObjectNode) source.deepCopy();
        // as Redash sends it: no Sightline keys, the embedded query without its visualizations, a 6-column grid
        ((ObjectNode) redash.path("options")).remove("sightline");
        int col = 0;
        for (JsonNode widget : redash.path("widgets")) {
            ObjectNode position = (ObjectNode) widget.path("options").path("position");
            position.put("col", col).put("sizeX", 3);
            col += 3;
            if (widget.path("visualization").isObject()) {
                ObjectNode query = (ObjectNode) widget.path("visualization").path("query");
                query.remove("visualizations");
                ((ObjectNode) query.path("options")).remove("sightline");
            }
        }
        long dataSource = redash.path("widgets").get(0).path("visualization").path("query").path("data_source_id")
                .asLong();
        redash.set("data_sources", Api.JSON.valueToTree(List.of(Map.of("id", dataSource, "name", "Demo sales",
                "type", "duckdb"))));

        var imported = fresh.post("/api/dashboards/import", redash);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode widgets = imported.json().path("widgets");
        assertThat(widgets.get(0).path("options").path("position").path("sizeX").asInt()).isEqualTo(6);
        assertThat(widgets.get(1).path("options").path("position").path("col").asInt()).isEqualTo(6);
        assertThat(widgets.get(0).path("visualization").path("name").asString())
                .isEqualTo(source.path("widgets").get(0).path("visualization").path("name").asString());
        assertThat(widgets.get(0).path("options").path("parameterMappings"))
                .isEqualTo(source.path("widgets").get(0).path("options").path("parameterMappings"));

        var twice = fresh.post("/api/dashboards/import?grid=12", redash);
        assertThat(twice.json().path("id").asLong()).as("Redash's id is its key").isEqualTo(imported.json()
                .path("id").asLong());
        assertThat(twice.json().path("widgets").get(0).path("options").path("position").path("sizeX").asInt())
                .as("told it is a 12-column grid").isEqualTo(3);
        assertThat(fresh.post("/api/dashboards/import?grid=8", redash).message()).contains("'grid'");
        redash.set("data_sources", Api.JSON.createArrayNode());
        assertThat(fresh.post("/api/dashboards/import", redash).message()).contains("'data_sources'");
    }

    private static JsonNode drill(JsonNode dashboard) {
        return dashboard.path("widgets").get(0).path("visualization").path("options").path("sightline")
                .path("drillthrough");
    }

    /** A dashboard on the demo queries: a chart with its region mapped to a dashboard parameter, and a note. */
    private JsonNode demoDashboard() {
        JsonNode query = api().get("/api/queries?q=sales__top_products__v1").json().path("results").get(0);
        long viz = api().get("/api/queries/" + query.path("id").asLong()).json().path("visualizations").get(1)
                .path("id").asLong();
        String name = AccessFixtures.unique("transfer-dashboard");
        long id = api().post("/api/dashboards", Map.of("name", name, "tags", List.of("exported"))).json()
                .path("id").asLong();
        api().post("/api/dashboards/" + id, Map.of("options", Map.of("refresh", 300,
                "parameters", List.of(Map.of("name", "region", "value", "APAC")))));
        var chart = api().post("/api/widgets", Map.of("dashboard_id", id, "visualization_id", viz, "width", 1,
                "options", Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 8, "sizeY", 8),
                        "parameterMappings", Map.of("region", Map.of("name", "region", "type", "dashboard-level",
                                "mapTo", "region", "value", "", "title", "")))));
        assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
        api().post("/api/widgets", Map.of("dashboard_id", id, "text", "**Top products** of the region", "width", 1,
                "options", Map.of("position", Map.of("col", 8, "row", 0, "sizeX", 4, "sizeY", 3))));
        return api().get("/api/dashboards/" + id).json();
    }

    /** The document without what differs between servers: ids, the export time. */
    private static JsonNode comparable(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("id", "data_source_id", "exported_at"));
        }
        node.forEach(DashboardTransferTest::strip);
    }
}
