package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ad-hoc SQL through the API on an H2 database that the test fills itself. */
class AdHocExecutionTest extends EmbeddedServerTest {

    private final String url = "jdbc:h2:mem:exec_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    private Connection keepAlive;
    private long dataSource;
    private Runs runs;

    @BeforeEach
    void createData() throws SQLException {
        keepAlive = DriverManager.getConnection(url, "sa", "");
        try (var statement = keepAlive.createStatement()) {
            statement.execute("""
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(100), amount DECIMAL(12,2),
                                         paid BOOLEAN, placed DATE, shipped TIMESTAMP, weight DOUBLE)""");
            statement.execute("""
                    INSERT INTO orders SELECT x, 'Customer, ' || (x % 7), x * 1.25, x % 2 = 0,
                           DATE '2024-01-01' + CAST(x % 365 AS INT), TIMESTAMP '2024-01-01 08:30:00', x / 4.0
                    FROM SYSTEM_RANGE(1, 5000) AS r(x)""");
        }
        dataSource = new DataSourceFixtures(api()).h2(url, Map.of());
        runs = new Runs(api());
    }

    @Test
    void returnsTypedColumnsAndValues() {
        JsonNode result = runs.result(dataSource,
                "SELECT id, customer, amount, paid, placed, shipped, weight, NULL AS nothing FROM orders WHERE id = 2");

        JsonNode columns = result.path("data").path("columns");
        assertThat(columns.findValuesAsString("type"))
                .containsExactly("integer", "string", "float", "boolean", "date", "datetime", "float", "string");
        JsonNode row = result.path("data").path("rows").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(2);
        assertThat(row.path("customer").asString()).isEqualTo("Customer, 2");
        assertThat(row.path("amount").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(row.path("paid").asBoolean()).isTrue();
        assertThat(row.path("placed").asString()).isEqualTo("2024-01-03");
        assertThat(row.path("shipped").asString()).isEqualTo("2024-01-01T08:30:00");
        assertThat(row.path("nothing").isNull()).isTrue();
        assertThat(result.path("row_count").asLong()).isEqualTo(1);
        assertThat(result.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void rowLimitTruncatesAndSaysSo() {
        long limited = new DataSourceFixtures(api()).h2(url, Map.of("row_limit", 100));
        JsonNode result = runs.result(limited, "SELECT id FROM orders ORDER BY id");

        assertThat(result.path("row_count").asLong()).isEqualTo(100);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("row_limit").asInt()).isEqualTo(100);
        assertThat(result.path("data").path("rows")).hasSize(100);
    }

    @Test
    void theNextRunSeesChangedOptionsAndAPause() {
        long source = new DataSourceFixtures(api()).h2(url, Map.of("row_limit", 100));
        assertThat(runs.result(source, "SELECT id FROM orders ORDER BY id").path("row_count").asLong()).isEqualTo(100);

        var changed = api().post("/api/data_sources/" + source, Map.of("options", Map.of("url", url, "row_limit", 30)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(runs.result(source, "SELECT id FROM orders ORDER BY id").path("row_count").asLong()).isEqualTo(30);

        assertThat(api().post("/api/data_sources/" + source + "/pause", Map.of("reason", "upgrade")).status()).isEqualTo(200);
        var paused = api().post("/api/query_results", Map.of("data_source_id", source, "query", "SELECT 1", "max_age", 0));
        assertThat(paused.status()).isEqualTo(400);
        assertThat(paused.message()).contains("is paused: upgrade");
    }

    @Test
    void pagesAcrossStoragePageBoundaries() {
        JsonNode job = runs.finish(runs.submit(dataSource, "SELECT id FROM orders ORDER BY id"));
        long resultId = job.path("query_result_id").asLong();

        JsonNode page = api().get("/api/query_results/" + resultId + "?offset=1990&limit=20").json().path("query_result");

        assertThat(page.path("row_count").asLong()).isEqualTo(5000);
        assertThat(page.path("data").path("rows").valueStream().map(r -> r.path("id").asLong()).toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1991, 2010).boxed().toList());
        JsonNode last = api().get("/api/query_results/" + resultId + "?offset=4990&limit=100").json().path("query_result");
        assertThat(last.path("data").path("rows")).hasSize(10);
    }

    @Test
    void rejectsBadPageWindow() {
        long resultId = runs.result(dataSource, "SELECT 1 AS one").path("id").asLong();
        var response = api().get("/api/query_results/" + resultId + "?offset=0&limit=0");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("limit must be between 1 and 50000");
    }

    @Test
    void failingSqlIsAFailedJobWithTheDatabaseMessage() {
        String error = runs.error(dataSource, "SELEC id FROM orders");
        assertThat(error).contains("Syntax error").contains("SELEC");
    }

    @Test
    void statementWithoutRowsAnswersTheRowsItAffected() {
        // H2 sources are read-only unless an admin allows writes
        long writable = new DataSourceFixtures(api()).h2(url, Map.of("allow_writes", true));
        JsonNode result = runs.result(writable, "UPDATE orders SET paid = paid WHERE id = 1");
        assertThat(result.path("data").path("rows").get(0).path("rows_affected").asInt()).isEqualTo(1);
    }

    @Test
    void cachedResultIsReturnedAtOnceUnlessMaxAgeIsZero() {
        String sql = "SELECT COUNT(*) AS n FROM orders -- " + UUID.randomUUID();
        long first = runs.result(dataSource, sql).path("id").asLong();

        var cached = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", -1));
        assertThat(cached.json().path("query_result").path("id").asLong()).isEqualTo(first);
        assertThat(cached.json().path("query_result").path("data").path("rows").get(0).path("n").asLong()).isEqualTo(5000);

        var fresh = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", 3600));
        assertThat(fresh.json().path("query_result").path("id").asLong()).isEqualTo(first);

        var rerun = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", sql, "max_age", 0));
        assertThat(runs.resultOf(rerun).path("id").asLong()).isNotEqualTo(first);
    }

    @Test
    void undeclaredParametersAreBoundAsEscapedText() {
        var job = runs.submit(Map.of("data_source_id", dataSource, "max_age", 0,
                "query", "SELECT '{{ name }}' AS v, COUNT(*) AS n FROM orders WHERE customer = '{{ name }}'",
                "parameters", Map.of("name", "O'Reilly'; DROP TABLE orders; --")));
        JsonNode result = runs.finishedResult(runs.finish(job));

        assertThat(result.path("data").path("rows").get(0).path("v").asString())
                .isEqualTo("O'Reilly'; DROP TABLE orders; --");
        assertThat(runs.result(dataSource, "SELECT COUNT(*) AS n FROM orders").path("data").path("rows").get(0)
                .path("n").asLong()).isEqualTo(5000);
    }

    @Test
    void csvExportQuotesWhatNeedsQuoting() {
        long resultId = runs.result(dataSource, "SELECT id, customer, amount FROM orders WHERE id IN (1, 2) ORDER BY id")
                .path("id").asLong();
        var csv = api().get("/api/query_results/" + resultId + ".csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("id,customer,amount\r\n1,\"Customer, 1\",1.25\r\n2,\"Customer, 2\",2.50\r\n");
    }

    @Test
    void duplicateColumnNamesAreMadeUnique() {
        JsonNode result = runs.result(dataSource, "SELECT 1 AS x, 2 AS x");
        assertThat(result.path("data").path("columns").findValuesAsString("name")).containsExactly("x", "x_2");
        assertThat(result.path("data").path("rows").get(0).path("x_2").asInt()).isEqualTo(2);
    }

    @Test
    void cacheTellsApartTextsThatDifferOnlyInsideLiterals() {
        runs.result(dataSource, "SELECT 'a b' AS v");
        var other = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", "SELECT 'ab' AS v"));
        JsonNode result = runs.resultOf(other);
        assertThat(result.path("data").path("rows").get(0).path("v").asString()).isEqualTo("ab");
    }

    @Test
    void quickQueryIsAnsweredWithItsFinishedJobAndItsResultWithoutPolling() {
        var answer = api().post("/api/query_results", Map.of("data_source_id", dataSource, "max_age", 0,
                "query", "SELECT MAX(id) AS top FROM orders"));
        JsonNode result = answer.json().path("query_result");
        assertThat(result.path("data").path("rows").get(0).path("top").asLong()).isEqualTo(5000);
        JsonNode job = answer.json().path("job");
        assertThat(job.path("status").asInt()).as(answer.toString()).isEqualTo(3);
        assertThat(job.path("query_result_id").asLong()).isEqualTo(result.path("id").asLong());
        var polled = api().get("/api/jobs/" + job.path("id").asString());
        assertThat(polled.json().path("job").path("query_result_id").asLong()).as(polled.toString())
                .isEqualTo(result.path("id").asLong());
    }

    @Test
    void cachedAnswerCarriesOnlyTheResultAsInRedash() {
        String sql = "SELECT MIN(id) AS low FROM orders -- " + UUID.randomUUID();
        long first = runs.result(dataSource, sql).path("id").asLong();
        var cached = api().post("/api/query_results", Map.of("data_source_id", dataSource, "max_age", -1, "query", sql));
        assertThat(cached.json().has("job")).as(cached.toString()).isFalse();
        assertThat(cached.json().path("query_result").path("id").asLong()).isEqualTo(first);
    }
}
