package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Saved queries with declared parameters: validation, binding, latest result. */
class SavedQueryExecutionTest extends EmbeddedServerTest {

    private final String url = "jdbc:h2:mem:saved_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    private Connection keepAlive;
    private long dataSource;
    private Runs runs;

    @BeforeEach
    void createData() throws SQLException {
        keepAlive = DriverManager.getConnection(url, "sa", "");
        try (var statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE sales (id INT, region VARCHAR(10), amount DECIMAL(10,2), sold DATE)");
            statement.execute("""
                    INSERT INTO sales VALUES (1, 'EMEA', 10, DATE '2024-01-05'), (2, 'EMEA', 20, DATE '2024-02-05'),
                      (3, 'APAC', 5, DATE '2024-01-20'), (4, 'AMER', 7, DATE '2024-03-01')""");
        }
        dataSource = new DataSourceFixtures(api()).h2(url, Map.of());
        runs = new Runs(api());
    }

    private long save(String sql, List<Map<String, Object>> parameters) {
        var response = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "q " + UUID.randomUUID(),
                "query", sql, "options", Map.of("parameters", parameters)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private Api.Response run(long queryId, Map<String, Object> parameters) {
        return api().post("/api/queries/" + queryId + "/results", Map.of("parameters", parameters, "max_age", 0));
    }

    private JsonNode rows(Api.Response submitted) {
        return runs.resultOf(submitted).path("data").path("rows");
    }

    @Test
    void dateRangeAndMultiValueEnumAreBound() {
        long query = save("""
                SELECT region, SUM(amount) AS revenue FROM sales
                WHERE sold BETWEEN '{{ period.start }}' AND '{{ period.end }}' AND region IN ({{ regions }})
                GROUP BY region ORDER BY region""", List.of(
                Map.of("name", "period", "type", "date-range", "value", Map.of("start", "2024-01-01", "end", "2024-01-31")),
                Map.of("name", "regions", "type", "enum", "enumOptions", "EMEA\nAPAC\nAMER", "value", List.of("EMEA"),
                        "multiValuesOptions", Map.of("prefix", "'", "suffix", "'", "separator", ","))));

        JsonNode rows = rows(run(query, Map.of("regions", List.of("EMEA", "APAC"))));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("region").asString()).isEqualTo("APAC");
        assertThat(rows.get(1).path("revenue").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void invalidValuesAreRejectedNamingTheParameter() {
        long query = save("SELECT * FROM sales WHERE amount > {{ min }} AND sold >= '{{ since }}'", List.of(
                Map.of("name", "min", "type", "number", "value", 0),
                Map.of("name", "since", "type", "date", "value", "2024-01-01")));

        var notANumber = run(query, Map.of("min", "1; DROP TABLE sales"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.message()).contains("Parameter 'min'").contains("is not a number");

        var notADate = run(query, Map.of("since", "2024-13-01"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.message()).contains("Parameter 'since'").contains("not a date");

        var unknown = run(query, Map.of("region", "EMEA"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("Parameter 'region'").contains("unknown parameter");
    }

    @Test
    void enumValueOutsideTheOptionsIsRejected() {
        long query = save("SELECT * FROM sales WHERE region = '{{ region }}'", List.of(
                Map.of("name", "region", "type", "enum", "enumOptions", "EMEA\nAPAC", "value", "EMEA")));
        var response = run(query, Map.of("region", "EMEA' OR '1'='1"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("Parameter 'region'");
    }

    @Test
    void defaultsApplyAndLatestResultIsRecorded() {
        long query = save("SELECT COUNT(*) AS n FROM sales WHERE amount > {{ min }}",
                List.of(Map.of("name", "min", "type", "number", "value", 6)));
        assertThat(api().get("/api/queries/" + query + "/results.json").status()).isEqualTo(404);

        JsonNode rows = rows(run(query, Map.of()));

        assertThat(rows.get(0).path("n").asLong()).isEqualTo(3);
        JsonNode saved = api().get("/api/queries/" + query).json();
        assertThat(saved.path("latest_query_data_id").isNumber()).isTrue();
        var latest = api().get("/api/queries/" + query + "/results.json");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().path("query_result").path("data").path("rows").get(0).path("n").asLong()).isEqualTo(3);
        assertThat(api().get("/api/queries/" + query + "/results.csv").body()).isEqualTo("n\r\n3\r\n");
    }

    @Test
    void queryBasedDropdownTakesItsOptionsFromTheOtherQuerysResult() {
        long regions = save("SELECT DISTINCT region AS \"value\" FROM sales ORDER BY 1", List.of());
        long byRegion = save("SELECT SUM(amount) AS revenue FROM sales WHERE region = '{{ region }}'",
                List.of(Map.of("name", "region", "type", "query", "queryId", regions, "value", "EMEA")));

        var beforeOptionsExist = run(byRegion, Map.of("region", "EMEA"));
        assertThat(beforeOptionsExist.status()).isEqualTo(400);
        assertThat(beforeOptionsExist.message()).contains("has no result yet");

        rows(run(regions, Map.of()));
        assertThat(rows(run(byRegion, Map.of("region", "AMER"))).get(0).path("revenue").decimalValue())
                .isEqualByComparingTo("7");
        assertThat(run(byRegion, Map.of("region", "LATAM")).status()).isEqualTo(400);
    }

    @Test
    void dropdownListsNameAndValueOfTheLatestResult() {
        long regions = save("SELECT DISTINCT region AS \"value\", LOWER(region) AS \"name\" FROM sales ORDER BY 1",
                List.of());
        var beforeRun = api().get("/api/queries/" + regions + "/dropdown");
        assertThat(beforeRun.status()).isEqualTo(400);
        assertThat(beforeRun.message()).contains("query " + regions).contains("has no result yet");

        rows(run(regions, Map.of()));
        JsonNode options = api().get("/api/queries/" + regions + "/dropdown").json();

        assertThat(options).hasSize(3);
        assertThat(options.get(0).path("name").asString()).isEqualTo("amer");
        assertThat(options.get(0).path("value").asString()).isEqualTo("AMER");
    }

    @Test
    void dropdownWithoutNameOrValueColumnsTakesTheFirstColumn() {
        long amounts = save("SELECT amount, region FROM sales ORDER BY id", List.of());
        rows(run(amounts, Map.of()));

        JsonNode options = api().get("/api/queries/" + amounts + "/dropdown").json();

        assertThat(options).extracting(o -> o.path("value").asString()).containsExactly("10.00", "20.00", "5.00", "7.00");
        assertThat(options).extracting(o -> o.path("name").asString()).containsExactly("10.00", "20.00", "5.00", "7.00");
    }

    @Test
    void dropdownOfAMissingQueryIsNotFound() {
        var response = api().get("/api/queries/987654/dropdown");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).contains("Query 987654 does not exist");
    }

    @Test
    void adHocRunWithQueryIdUsesTheSavedDeclarations() {
        long query = save("SELECT 1 AS x", List.of(Map.of("name", "min", "type", "number", "value", 1)));
        var response = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query_id", query,
                "query", "SELECT COUNT(*) AS n FROM sales WHERE amount > {{ min }}", "parameters", Map.of("min", "x")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("Parameter 'min'");
    }

    @Test
    void valuesMayComeFromTheUrl() {
        long query = save("SELECT COUNT(*) AS n FROM sales WHERE region = '{{ region }}'",
                List.of(Map.of("name", "region", "type", "enum", "enumOptions", "EMEA\nAPAC\nAMER", "value", "APAC")));
        var response = api().post("/api/queries/" + query + "/results?p_region=EMEA", Map.of("max_age", 0));
        assertThat(rows(response).get(0).path("n").asLong()).isEqualTo(2);
    }
}
