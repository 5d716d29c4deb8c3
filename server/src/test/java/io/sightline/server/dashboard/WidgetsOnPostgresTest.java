package io.sightline.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The V17 tables on PostgreSQL: widgets, the stable keys of export and import, a query's archive. */
class WidgetsOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void widgetsExportImportAndArchiveWorkOnPostgres() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        JsonNode query = api().post("/api/queries", Map.of("data_source_id", source, "name", "pg widgets",
                "query", "SELECT {{ n }} AS n", "options", Map.of("parameters", List.of(Map.of("name", "n",
                        "title", "N", "type", "number", "value", 1))))).json();
        long viz = query.path("visualizations").get(0).path("id").asLong();
        long dashboard = api().post("/api/dashboards", Map.of("name", "PG widgets", "tags", List.of("pg_tag")))
                .json().path("id").asLong();
        assertThat(api().get("/api/dashboards?tags=pg_tag").json().path("count").asLong()).isEqualTo(1);
        assertThat(api().get("/api/dashboards?tags=pg%25tag").json().path("count").asLong()).isZero();
        var widget = api().post("/api/widgets", Map.of("dashboard_id", dashboard, "visualization_id", viz,
                "options", Map.of("position", Map.of("col", 0, "row", 0, "sizeX", 6, "sizeY", 4),
                        "parameterMappings", Map.of("n", Map.of("name", "n", "type", "dashboard-level", "mapTo", "n")))));
        assertThat(widget.status()).as(widget.toString()).isEqualTo(200);
        var text = new java.util.HashMap<String, Object>(Map.of("dashboard_id", dashboard, "text", "pg note"));
        text.put("visualization_id", null);
        assertThat(api().post("/api/widgets", text).status()).isEqualTo(200);
        assertThat(api().post("/api/dashboards/" + dashboard, Map.of("version", 1, "options", Map.of("refresh", 60)))
                .json().path("version").asLong()).isEqualTo(2);

        JsonNode document = api().get("/api/dashboards/" + dashboard + "/export").json();
        var imported = api().post("/api/dashboards/import", document);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("id").asLong()).as("its own export matches it by key").isEqualTo(dashboard);
        assertThat(imported.json().path("widgets").size()).isEqualTo(2);
        assertThat(imported.json().path("widgets").get(0).path("visualization").path("query").path("id").asLong())
                .isEqualTo(query.path("id").asLong());

        api().delete("/api/queries/" + query.path("id").asLong());
        JsonNode left = api().get("/api/dashboards/" + dashboard).json().path("widgets");
        assertThat(left.size()).isEqualTo(1);
        assertThat(left.get(0).path("text").asString()).isEqualTo("pg note");
    }
}
