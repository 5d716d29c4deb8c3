package io.sightline.server.execution;

import static io.sightline.server.execution.RedashClientChecks.encode;
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
 * Parameter values in the URL forms Redash's web client writes into links (date ranges, multi-value lists), on
 * saved and ad hoc runs; and paging of a saved query's latest result.
 */
class RedashUrlParametersTest extends EmbeddedServerTest {

    private static final String STATES = "(VALUES ('new'), ('returned'), ('shipped')) AS t(s)";

    private long dataSource;
    private Runs runs;

    @BeforeEach
    void h2() {
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:url_parameters_" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Map.of());
        runs = new Runs(api());
    }

    @Test
    void dateRangeFromOneValueWithTwoDashesOrFromStartAndEnd() {
        long query = save("SELECT '{{ dr.start }}' AS s, '{{ dr.end }}' AS e", List.of(Map.of("name", "dr",
                "type", "date-range", "value", Map.of("start", "2020-01-01", "end", "2020-01-02"))));

        assertThat(row(runSaved(query, "?p_dr=2024-01-02--2024-01-03"))).isEqualTo("2024-01-02..2024-01-03");
        assertThat(row(runSaved(query, "?p_dr.start=2024-02-01&p_dr.end=2024-02-29")))
                .isEqualTo("2024-02-01..2024-02-29");
        assertThat(runSaved(query, "?p_dr=d_last_7_days").status()).isEqualTo(200);

        Api.Response halfRange = runSaved(query, "?p_dr.start=2024-02-01");
        assertThat(halfRange.status()).as(halfRange.toString()).isEqualTo(400);
        assertThat(halfRange.message()).contains("Parameter 'dr'").contains("p_dr.end");
        Api.Response backwards = runSaved(query, "?p_dr=2024-01-03--2024-01-02");
        assertThat(backwards.status()).as(backwards.toString()).isEqualTo(400);
        assertThat(backwards.message()).contains("Parameter 'dr'");
    }

    @Test
    void twoDashesMakeARangeOnlyForARangeParameter() {
        long query = save("SELECT '{{ word }}' AS w", List.of(Map.of("name", "word", "type", "text", "value", "x")));

        JsonNode rows = runs.resultOf(runSaved(query, "?p_word=a--b")).path("data").path("rows");

        assertThat(rows.get(0).path("w").asString()).isEqualTo("a--b");
    }

    @Test
    void multipleValuesAsAJsonArrayOrARepeatedNameNeverOnlyTheFirst() {
        long query = save("SELECT s FROM " + STATES + " WHERE s IN ({{ many }}) ORDER BY s", List.of(Map.of(
                "name", "many", "type", "enum", "enumOptions", "new\nshipped\nreturned", "value", List.of("new"),
                "multiValuesOptions", Map.of("prefix", "'", "suffix", "'", "separator", ","))));

        assertThat(states(runSaved(query, "?p_many=" + encode("[\"new\",\"shipped\"]"))))
                .containsExactly("new", "shipped");
        assertThat(states(runSaved(query, "?p_many=new&p_many=shipped&p_many=returned")))
                .containsExactly("new", "returned", "shipped");
        assertThat(states(runSaved(query, "?p_many=returned"))).containsExactly("returned");

        Api.Response notAnOption = runSaved(query, "?p_many=" + encode("[\"new\",\"lost\"]"));
        assertThat(notAnOption.status()).as(notAnOption.toString()).isEqualTo(400);
        assertThat(notAnOption.message()).contains("Parameter 'many'").contains("lost");
    }

    @Test
    void aSingleValueParameterGivenTwiceIsRefusedNamingIt() {
        long query = save("SELECT {{ n }} AS n", List.of(Map.of("name", "n", "type", "number", "value", 1)));

        Api.Response twice = runSaved(query, "?p_n=1&p_n=2");

        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(twice.message()).contains("Parameter 'n'").contains("2 times");
        assertThat(twice.json().path("job").path("status").asInt()).isEqualTo(4);
    }

    @Test
    void theBodyWinsOverTheUrlOnASavedRun() {
        long query = save("SELECT {{ n }} AS n", List.of(Map.of("name", "n", "type", "number", "value", 1)));

        Api.Response run = api().post("/api/queries/" + query + "/results?p_n=2",
                Map.of("max_age", 0, "parameters", Map.of("n", 3)));

        assertThat(runs.resultOf(run).path("data").path("rows").get(0).path("n").asInt()).isEqualTo(3);
    }

    @Test
    void adHocRunReadsTheUrlOnlyWhenTheBodyHasNoParameters() {
        String sql = "SELECT '{{ word }}' AS w -- " + UUID.randomUUID();

        Api.Response fromUrl = api().post("/api/query_results?p_word=" + encode("from url"),
                Map.of("data_source_id", dataSource, "query", sql, "max_age", 0));
        Api.Response fromBody = api().post("/api/query_results?p_word=" + encode("from url"),
                Map.of("data_source_id", dataSource, "query", sql, "max_age", 0,
                        "parameters", Map.of("word", "from body")));

        assertThat(runs.resultOf(fromUrl).path("data").path("rows").get(0).path("w").asString())
                .isEqualTo("from url");
        assertThat(runs.resultOf(fromBody).path("data").path("rows").get(0).path("w").asString())
                .isEqualTo("from body");
    }

    @Test
    void adHocRunOfASavedQueryReadsTheUrlAsItsDeclarationsSay() {
        String sql = "SELECT s FROM " + STATES + " WHERE s IN ({{ many }}) ORDER BY s";
        long query = save(sql, List.of(Map.of("name", "many", "type", "enum",
                "enumOptions", "new\nshipped\nreturned", "value", List.of("new"),
                "multiValuesOptions", Map.of("prefix", "'", "suffix", "'", "separator", ","))));

        Api.Response run = api().post("/api/query_results?p_many=new&p_many=returned",
                Map.of("data_source_id", dataSource, "query", sql, "query_id", query, "max_age", 0));

        assertThat(states(run)).containsExactly("new", "returned");
    }

    @Test
    void latestResultOfASavedQueryIsPagedAsResultsAre() {
        long query = save("SELECT x FROM SYSTEM_RANGE(1, 10) AS r(x) ORDER BY x", List.of());
        runs.resultOf(api().post("/api/queries/" + query + "/results", Map.of("max_age", 0)));

        for (String path : List.of("/api/queries/" + query + "/results", "/api/queries/" + query + "/results.json")) {
            JsonNode page = api().get(path + "?offset=3&limit=2").json().path("query_result");
            assertThat(page.path("data").path("rows").valueStream().map(r -> r.path("x").asInt()))
                    .containsExactly(4, 5);
            assertThat(page.path("offset").asInt()).isEqualTo(3);
            assertThat(page.path("row_count").asInt()).isEqualTo(10);
            assertThat(api().get(path).json().path("query_result").path("data").path("rows")).hasSize(10);

            for (String bad : List.of("offset=-1", "offset=abc", "limit=0", "limit=50001", "limit=1.5")) {
                String field = bad.substring(0, bad.indexOf('='));
                Api.Response refused = api().get(path + "?" + bad);
                Api.Response sameOnResults = api().get("/api/query_results/" + page.path("id").asLong() + "?" + bad);
                assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
                assertThat(refused.message()).as(bad).contains(field).isEqualTo(sameOnResults.message());
            }
        }
    }

    private Api.Response runSaved(long query, String url) {
        return api().post("/api/queries/" + query + "/results" + url, Map.of("max_age", 0));
    }

    private String row(Api.Response run) {
        JsonNode row = runs.resultOf(run).path("data").path("rows").get(0);
        return row.path("s").asString() + ".." + row.path("e").asString();
    }

    private List<String> states(Api.Response run) {
        return runs.resultOf(run).path("data").path("rows").valueStream().map(r -> r.path("s").asString()).toList();
    }

    private long save(String sql, List<Map<String, Object>> parameters) {
        var saved = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "q " + UUID.randomUUID(),
                "query", sql, "options", Map.of("parameters", parameters)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("id").asLong();
    }
}
