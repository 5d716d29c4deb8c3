package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A client written the Redash way ({@link RedashWayClient}) against the real API on PostgreSQL, the same in every
 * queue mode: whether the server answers a run finished or only with its job, the client gets its rows.
 */
final class RedashClientChecks {

    /** Orders as a literal table, so the checks need no table of their own on the shared database. */
    static final String ORDERS = "(VALUES (1, 'new'), (2, 'shipped'), (3, 'shipped'), (4, 'returned')) AS o(id, status)";

    private final Api api;
    private final RedashWayClient client;
    private final long dataSource;

    RedashClientChecks(Api api) {
        this.api = api;
        this.client = new RedashWayClient(api);
        this.dataSource = new DataSourceFixtures(api).postgres(Map.of());
    }

    /** Every run that is not a cached result is answered with a job the client can poll. */
    void adHocRunIsPostedPolledAndFetched() {
        String sql = "SELECT status, COUNT(*) AS n FROM " + ORDERS + " GROUP BY status ORDER BY status -- "
                + UUID.randomUUID();
        Api.Response answer = api.post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql,
                "max_age", 0));
        assertThat(answer.json().path("job").path("id").asString()).as(answer.toString()).isNotBlank();

        JsonNode result = client.followRun(answer);

        assertThat(result.path("query").asString()).isEqualTo(sql);
        assertThat(rows(result)).containsExactly("new=1", "returned=1", "shipped=2");
        JsonNode again = client.runAdHoc("/api/query_results", Map.of("data_source_id", dataSource, "query", sql,
                "max_age", -1));
        assertThat(again.path("id").asLong()).as("a cached result the second time").isEqualTo(result.path("id").asLong());
    }

    /** A saved query with parameters in the body, as Redash's example script sends them; then its latest result. */
    void savedQueryRunsWithParametersAndKeepsItsLatestResult() {
        long query = savedOrdersQuery();

        JsonNode result = client.runSaved(query, "", Map.of("max_age", 0,
                "parameters", Map.of("top", 3, "states", List.of("new", "shipped"))));

        assertThat(rows(result)).containsExactly("new=1", "shipped=2");
        Api.Response latest = api.get("/api/queries/" + query + "/results.json");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().path("query_result").path("id").asLong()).isEqualTo(result.path("id").asLong());
    }

    /** {@code p_<name>} values in the URL, as shared links and the web viewer carry them. */
    void savedQueryRunsWithUrlParameters() {
        long query = savedOrdersQuery();

        JsonNode result = client.runSaved(query, "?p_top=4&p_states=" + encode("[\"shipped\",\"returned\"]"),
                Map.of("max_age", 0));

        assertThat(rows(result)).containsExactly("returned=1", "shipped=2");
    }

    /** Ad-hoc SQL with {@code p_} values in the URL and no {@code parameters} in the body, as Redash reads them. */
    void adHocRunTakesUrlParameters() {
        String sql = "SELECT status, COUNT(*) AS n FROM " + ORDERS + " WHERE id <= {{ top }} GROUP BY status"
                + " ORDER BY status -- " + UUID.randomUUID();

        JsonNode result = client.runAdHoc("/api/query_results?p_top=2", Map.of("data_source_id", dataSource,
                "query", sql, "max_age", 0));

        assertThat(rows(result)).containsExactly("new=1", "shipped=1");
    }

    /** Every query, page by page, as the toolbelt's {@code paginate} collects them. */
    void pagesThroughQueries() {
        String tag = "redash-client-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Api.Response saved = api.post("/api/queries", Map.of("data_source_id", dataSource, "name", tag + " " + i,
                    "query", "SELECT " + i, "tags", List.of(tag)));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }

        List<JsonNode> queries = client.paginate("/api/queries?tags=" + encode(tag), 2);

        assertThat(queries).extracting(q -> q.path("name").asString()).containsExactlyInAnyOrder(
                tag + " 0", tag + " 1", tag + " 2", tag + " 3", tag + " 4");
        assertThat(client.paginate("/api/queries/my?tags=" + encode(tag), 3)).hasSize(5);
    }

    /** Every dashboard found by a search, page by page. */
    void pagesThroughDashboards() {
        String name = "redash-client-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Api.Response created = api.post("/api/dashboards", Map.of("name", name + " " + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
        }

        List<JsonNode> dashboards = client.paginate("/api/dashboards?q=" + encode(name), 2);

        assertThat(dashboards).extracting(d -> d.path("name").asString())
                .containsExactlyInAnyOrder(name + " 0", name + " 1", name + " 2");
    }

    private long savedOrdersQuery() {
        Api.Response saved = api.post("/api/queries", Map.of("data_source_id", dataSource,
                "name", "orders by status " + UUID.randomUUID(),
                "query", "SELECT status, COUNT(*) AS n FROM " + ORDERS
                        + " WHERE id <= {{ top }} AND status IN ({{ states }}) GROUP BY status ORDER BY status",
                "options", Map.of("parameters", List.of(
                        Map.of("name", "top", "type", "number", "value", 1),
                        Map.of("name", "states", "type", "enum", "enumOptions", "new\nshipped\nreturned",
                                "value", List.of("new"),
                                "multiValuesOptions", Map.of("prefix", "'", "suffix", "'", "separator", ","))))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("id").asLong();
    }

    private static List<String> rows(JsonNode result) {
        return result.path("data").path("rows").valueStream()
                .map(row -> row.path("status").asString() + "=" + row.path("n").asLong()).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
