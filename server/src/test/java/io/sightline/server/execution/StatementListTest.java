package io.sightline.server.execution;

import static io.sightline.server.execution.ColumnFidelityTest.exec;
import static io.sightline.server.execution.ColumnFidelityTest.mariadb;
import static io.sightline.server.execution.ColumnFidelityTest.postgres;
import static io.sightline.server.execution.ColumnFidelityTest.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A list of statements behaves the same on every database, as in Redash: the answer is the result of the last
 * statement that returns rows; a list in which none does answers {@code rows_affected} (and its writes stay).
 */
class StatementListTest extends EmbeddedServerTest {

    private final String table = "stmts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void postgresAnswersTheLastRowsAndKeepsWrites() throws SQLException {
        sql(postgres(), "CREATE TABLE " + table + " (n int)");
        try {
            long source = new DataSourceFixtures(api()).postgres(Map.of());
            assertEveryRule(source, table);
            assertThat(count(postgres(), table)).isEqualTo(3);
        } finally {
            sql(postgres(), "DROP TABLE " + table);
        }
    }

    @Test
    void mariaDbAnswersTheLastRowsAndKeepsWrites() throws SQLException {
        sql(mariadb(), "CREATE TABLE " + table + " (n INT)");
        try {
            long source = new DataSourceFixtures(api()).mariadb(Map.of());
            assertEveryRule(source, table);
            assertThat(count(mariadb(), table)).isEqualTo(3);
        } finally {
            sql(mariadb(), "DROP TABLE " + table);
        }
    }

    @Test
    void h2AnswersTheLastRowsAndKeepsWrites() throws SQLException {
        String url = "jdbc:h2:mem:" + table + ";DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            exec(keep, "CREATE TABLE " + table + " (n INT)");
            long source = new DataSourceFixtures(api()).h2(url, Map.of("allow_writes", true));
            assertEveryRule(source, table);
            assertThat(count(DriverManager.getConnection(url, "sa", ""), table)).isEqualTo(3);

            long readOnly = new DataSourceFixtures(api()).h2(url, Map.of());
            String error = new Runs(api()).error(readOnly, "SELECT 1 AS a; INSERT INTO " + table + " VALUES (9)");
            assertThat(error).isNotBlank().doesNotContain("[9");
            assertThat(count(DriverManager.getConnection(url, "sa", ""), table)).isEqualTo(3);
            exec(keep, "DROP ALL OBJECTS");
        }
    }

    @Test
    void duckDbAnswersTheLastRowsAndKeepsWrites() throws Exception {
        Path file = Files.createTempDirectory("sightline-statements-").resolve("list.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            exec(duck, "CREATE TABLE " + table + " (n INTEGER)");
        }
        long source = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", file.toString(), "allow_writes", true));
        assertEveryRule(source, table);

        // another file: in one process DuckDB shares a file's database between the connections that open it
        Path other = file.resolveSibling("read-only.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + other)) {
            exec(duck, "CREATE TABLE " + table + " (n INTEGER)");
        }
        long readOnly = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", other.toString()));
        String error = new Runs(api()).error(readOnly, "SELECT 1 AS a; INSERT INTO " + table + " VALUES (9)");
        assertThat(error).isNotBlank().doesNotContain("Attempting to execute");
        assertThat(new Runs(api()).result(readOnly, "SELECT COUNT(*) AS n FROM " + table)
                .path("data").path("rows").get(0).path("n").asInt()).isZero();
    }

    private void assertEveryRule(long source, String table) {
        Runs runs = new Runs(api());

        JsonNode affected = runs.result(source, "INSERT INTO " + table + " VALUES (1); INSERT INTO " + table
                + " VALUES (2), (3); UPDATE " + table + " SET n = n WHERE n > 1");
        assertThat(affected.path("data").path("columns").get(0).path("name").asString()).isEqualTo("rows_affected");
        assertThat(affected.path("data").path("columns").get(0).path("type").asString()).isEqualTo("integer");
        assertThat(affected.path("data").path("rows")).hasSize(1);
        assertThat(affected.path("data").path("rows").get(0).path("rows_affected").asLong()).isEqualTo(5);

        JsonNode last = runs.result(source, "SELECT 'first;' AS a; SELECT n * 10 AS tens FROM " + table
                + " ORDER BY n; -- the end; of the list");
        assertThat(names(last)).singleElement().asString().isEqualToIgnoringCase("tens"); // H2 says TENS
        assertThat(values(last, names(last).get(0))).containsExactly("10", "20", "30");

        JsonNode rowsThenWrite = runs.result(source, "SELECT n FROM " + table + " WHERE n = 2; UPDATE " + table
                + " SET n = n WHERE n = 0");
        assertThat(values(rowsThenWrite, names(rowsThenWrite).get(0))).containsExactly("2");

        String error = runs.error(source, "SELECT 1 AS a; SELECT nope FROM " + table);
        assertThat(error).containsIgnoringCase("nope").doesNotContain("(conn=");
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.path("data").path("columns").forEach(c -> names.add(c.path("name").asString()));
        return names;
    }

    private static List<String> values(JsonNode result, String column) {
        List<String> values = new ArrayList<>();
        result.path("data").path("rows").forEach(r -> values.add(r.path(column).asString()));
        return values;
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (connection; var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
