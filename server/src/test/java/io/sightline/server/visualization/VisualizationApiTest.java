package io.sightline.server.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visualizations through HTTP: they live and die with their query, and follow its access rules. */
class VisualizationApiTest extends EmbeddedServerTest {

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
    void aNewQueryHasATableVisualization() {
        JsonNode query = query(owner.api());
        JsonNode visualizations = query.path("visualizations");
        assertThat(visualizations.size()).isEqualTo(1);
        JsonNode table = visualizations.get(0);
        assertThat(table.path("type").asString()).isEqualTo("TABLE");
        assertThat(table.path("name").asString()).isEqualTo("Table");
        assertThat(table.path("options").isObject()).isTrue();
        assertThat(table.path("options").size()).isZero();
        assertThat(table.has("created_at")).isTrue();
        assertThat(table.has("updated_at")).isTrue();
    }

    @Test
    void createsUpdatesAndDeletesAVisualizationSeenInItsQuery() {
        Api api = owner.api();
        long queryId = query(api).path("id").asLong();
        var created = api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART", "name", "Revenue",
                "description", "by region", "options", Map.of("globalSeriesType", "column",
                        "columnMapping", Map.of("region", "x", "revenue", "y"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("options").path("columnMapping").path("region").asString()).isEqualTo("x");
        assertThat(created.json().has("query_id")).as("query_id is a request field only").isFalse();

        var renamed = api.post("/api/visualizations/" + id, Map.of("name", "Revenue by region", "query_id", 999999));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Revenue by region");
        assertThat(renamed.json().path("description").asString()).as("what was not sent stays").isEqualTo("by region");
        assertThat(renamed.json().path("options").path("globalSeriesType").asString()).isEqualTo("column");

        JsonNode listed = api.get("/api/queries/" + queryId).json().path("visualizations");
        assertThat(names(listed)).containsExactly("Table", "Revenue by region");

        assertThat(api.delete("/api/visualizations/" + id).status()).isEqualTo(200);
        assertThat(names(api.get("/api/queries/" + queryId).json().path("visualizations"))).containsExactly("Table");
        assertThat(api.post("/api/visualizations/" + id, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete("/api/visualizations/" + id).status()).isEqualTo(404);
    }

    @Test
    void forkCopiesEveryVisualization() {
        Api api = owner.api();
        long queryId = query(api).path("id").asLong();
        api.post("/api/visualizations", Map.of("query_id", queryId, "type", "COUNTER", "name", "Total",
                "options", Map.of("counterColName", "n")));
        var fork = api.post("/api/queries/" + queryId + "/fork", Map.of());
        assertThat(fork.status()).as(fork.toString()).isEqualTo(200);
        JsonNode copies = fork.json().path("visualizations");
        assertThat(names(copies)).as("copies only, no extra TABLE").containsExactly("Table", "Total");
        assertThat(copies.get(1).path("options").path("counterColName").asString()).isEqualTo("n");
        long original = api.get("/api/queries/" + queryId).json().path("visualizations").get(1).path("id").asLong();
        assertThat(copies.get(1).path("id").asLong()).isNotEqualTo(original);
    }

    @Test
    void onlyWhoMayEditTheQueryMayEditItsVisualizations() {
        long queryId = query(owner.api()).path("id").asLong();
        long tableId = owner.api().get("/api/queries/" + queryId).json().path("visualizations").get(0).path("id")
                .asLong();
        Map<String, Object> chart = Map.of("query_id", queryId, "type", "CHART", "name", "x");

        Member colleague = fixtures.user("Colleague");
        fixtures.grant(colleague, dataSource, false);
        var notOwner = colleague.api().post("/api/visualizations", chart);
        assertThat(notOwner.status()).as(notOwner.toString()).isEqualTo(403);
        assertThat(notOwner.message()).contains("owner");
        assertThat(colleague.api().post("/api/visualizations/" + tableId, Map.of("name", "mine")).status())
                .isEqualTo(403);
        assertThat(colleague.api().delete("/api/visualizations/" + tableId).status()).isEqualTo(403);

        Member outsider = fixtures.user("Outsider");
        var unseen = outsider.api().post("/api/visualizations", chart);
        assertThat(unseen.status()).as("a query the caller cannot reach is not found").isEqualTo(404);
        var unseenUpdate = outsider.api().post("/api/visualizations/" + tableId, Map.of("name", "mine"));
        assertThat(unseenUpdate.status()).isEqualTo(404);
        assertThat(unseenUpdate.message()).contains("Visualization " + tableId).doesNotContain("Query");
        assertThat(outsider.api().delete("/api/visualizations/" + tableId).status()).isEqualTo(404);

        assertThat(api().post("/api/visualizations", chart).status()).as("an admin may").isEqualTo(200);
        assertThat(names(owner.api().get("/api/queries/" + queryId).json().path("visualizations")))
                .containsExactly("Table", "x");
    }

    @Test
    void badInputIsA400NamingTheField() {
        long queryId = query(owner.api()).path("id").asLong();
        Api api = owner.api();
        assertBad(api.post("/api/visualizations", Map.of("type", "CHART")), "query_id");
        assertBad(api.post("/api/visualizations", Map.of("query_id", "seven", "type", "CHART")), "query_id");
        assertBad(api.post("/api/visualizations", Map.of("query_id", queryId)), "type");
        assertBad(api.post("/api/visualizations", Map.of("query_id", queryId, "type", 3)), "type");
        assertBad(api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART", "name", " ")), "name");
        assertBad(api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART",
                "options", List.of(1))), "options");
        assertBad(api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART",
                "description", "x".repeat(5000))), "description");
        assertBad(api.post("/api/visualizations", "[1]"), "JSON object");
        assertBad(api.post("/api/visualizations", "{not json"), "");
        var unknownQuery = api.post("/api/visualizations", Map.of("query_id", 987654321, "type", "CHART"));
        assertThat(unknownQuery.status()).isEqualTo(404);
        assertThat(names(api.get("/api/queries/" + queryId).json().path("visualizations"))).containsExactly("Table");
    }

    @Test
    void optionsAKnownTypeCannotReadAreRejectedNamingTheKey() {
        long queryId = query(owner.api()).path("id").asLong();
        var wrong = owner.api().post("/api/visualizations", Map.of("query_id", queryId, "type", "TABLE",
                "options", Map.of("itemsPerPage", "many")));
        assertBad(wrong, "options.itemsPerPage");
        var missingColumn = owner.api().post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART",
                "options", Map.of("columnMapping", Map.of("no_such_column", "x"))));
        assertThat(missingColumn.status()).as("a column the result may not have is not the server's business")
                .isEqualTo(200);
    }

    @Test
    void aNameIsGivenWhenNoneIsSent() {
        long queryId = query(owner.api()).path("id").asLong();
        var created = owner.api().post("/api/visualizations", Map.of("query_id", queryId, "type", "WORD_CLOUD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("name").asString()).isEqualTo("Word cloud");
        assertThat(created.json().path("options").size()).isZero();
    }

    @Test
    void aSaveOfAStaleCopyIsA409AndChangesNothing() {
        SaveConflicts.aSaveOfAStaleCopyIsRefused(owner.api(), query(owner.api()).path("id").asLong());
    }

    @Test
    void ofTwoSavesOfOneCopyAtOnceOneIsSavedAndTheOtherIsA409() throws Exception {
        SaveConflicts.ofTwoSavesAtOnceOneWins(owner.api(), query(owner.api()).path("id").asLong());
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains(field);
    }

    private JsonNode query(Api api) {
        var created = api.post("/api/queries", Map.of("data_source_id", dataSource,
                "name", AccessFixtures.unique("viz query"), "query", "SELECT 1 AS n"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    private static List<String> names(JsonNode visualizations) {
        return visualizations.valueStream().map(v -> v.path("name").asString()).toList();
    }
}
