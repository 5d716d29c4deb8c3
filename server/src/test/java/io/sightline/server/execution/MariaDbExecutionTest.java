package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Queries on the machine's real MariaDB, whose string literals treat backslash as an escape. */
class MariaDbExecutionTest extends EmbeddedServerTest {

    private final String table = "sales_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private long dataSource;
    private Runs runs;

    @BeforeEach
    void createTable() throws SQLException {
        mariadb("CREATE TABLE " + table + " (id INT PRIMARY KEY, region VARCHAR(20), amount DECIMAL(10,2), sold DATETIME)");
        mariadb("INSERT INTO " + table + " VALUES (1, 'EMEA', 10.50, '2024-03-01 10:00:00'), (2, 'EMEA', 4.25, '2024-03-02 11:00:00'),"
                + " (3, 'APAC', 7.00, '2024-03-03 12:00:00')");
        dataSource = new DataSourceFixtures(api()).mariadb(Map.of());
        runs = new Runs(api());
    }

    @AfterEach
    void dropTable() throws SQLException {
        mariadb("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void aggregatesWithTypedColumns() {
        JsonNode result = runs.result(dataSource,
                "SELECT region, SUM(amount) AS revenue, MAX(sold) AS last_sale FROM " + table + " GROUP BY region ORDER BY region");

        JsonNode rows = result.path("data").path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("region").asString()).isEqualTo("EMEA");
        assertThat(rows.get(1).path("revenue").decimalValue()).isEqualByComparingTo("14.75");
        assertThat(rows.get(1).path("last_sale").asString()).isEqualTo("2024-03-02T11:00:00");
        assertThat(result.path("data").path("columns").findValuesAsString("type"))
                .containsExactly("string", "float", "datetime");
    }

    @Test
    void hostileTextWithBackslashesStaysALiteral() {
        for (String value : new String[] {"\\\\'; DROP TABLE " + table + "; --", "'; DROP TABLE " + table + "; --",
                "a\\\\b", "# not a comment", "it's"}) {
            var job = runs.submit(Map.of("data_source_id", dataSource, "max_age", 0,
                    "query", "SELECT '{{ v }}' AS v, (SELECT COUNT(*) FROM " + table + ") AS n",
                    "parameters", Map.of("v", value)));
            JsonNode row = runs.finishedResult(runs.finish(job)).path("data").path("rows").get(0);
            assertThat(row.path("v").asString()).isEqualTo(value);
            assertThat(row.path("n").asInt()).isEqualTo(3);
        }
    }

    @Test
    void failedSqlCarriesMariaDbMessage() {
        assertThat(runs.error(dataSource, "SELECT nope FROM " + table)).contains("Unknown column 'nope'");
    }

    private static void mariadb(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
