package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table holding every column type and its edge values, on each database, read through the API: each value
 * is what the database itself shows (psql, the mariadb client, H2's and DuckDB's own text), in a stable JSON
 * form, with the column type a renderer needs. Stored pages, the JSON and the CSV export keep the same values.
 */
class ColumnFidelityTest extends EmbeddedServerTest {

    static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final String table = "fidelity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** What each test left on a database, undone after it whether it passed or not. */
    private final List<Cleanup> cleanups = new ArrayList<>();

    interface Cleanup {
        void run() throws SQLException;
    }

    @AfterEach
    void cleanUp() throws SQLException {
        for (Cleanup cleanup : cleanups) {
            cleanup.run();
        }
    }

    @Test
    void postgresValuesAreWhatPsqlShows() throws SQLException {
        cleanups.add(() -> sql(postgres(), "DROP TABLE IF EXISTS " + table));
        createPostgresTable(table);
        long source = new DataSourceFixtures(api()).postgres(Map.of());

        POSTGRES.assertAnswered(api(), run(source, POSTGRES_QUERY + table + " ORDER BY id"));
    }

    /** In the session's time zone, as psql shows it; the statement list sets one that has an odd offset. */
    static final String POSTGRES_QUERY = "SET TIME ZONE 'Asia/Kolkata'; SELECT * FROM ";

    static void createPostgresTable(String table) throws SQLException {
        sql(postgres(), "CREATE TABLE " + table + " (id int, b3 bit(3), vb varbit, b1 bit(1), bo bool, t time,"
                + " t3 time(3), tz timetz, ts timestamptz, tsl timestamp, d date, iv interval, j jsonb, j2 json,"
                + " ai int[], at text[], dbl float8, f4 float4, num numeric)");
        sql(postgres(), "INSERT INTO " + table + " VALUES"
                + " (1, B'101', B'1011', B'1', true, '12:34:56.789', '23:59:59.999', '12:34:56.789+02',"
                + "  '2024-01-02 03:04:05.123456+05:30', '2024-01-02 03:04:05.5', '2024-02-29',"
                + "  '1 year 2 mons 3 days 04:05:06.789', '{\"a\": [1, 2.5, null, true], \"b\": {\"c\": \"x\"}}', '[1, \"two\"]',"
                + "  ARRAY[1, 2, 3], ARRAY[['a', 'b'], ['c', NULL]], 1e308, 1.1, 12345678901234567890.123456789),"
                + " (2, B'000', B'', B'0', false, '00:00:00', '00:00:00.001', '00:00:00-05:30',"
                + "  'infinity', '-infinity', '0044-03-15 BC', '838:59:59', 'null', '{}',"
                + "  ARRAY[]::int[], ARRAY['x;y', 'quote\"d'], 'NaN', '-Infinity', 'NaN'),"
                + " (3, B'111', NULL, NULL, NULL, '24:00:00', NULL, NULL,"
                + "  '0001-01-01 00:00:00+00 BC', '0044-03-15 10:00:00 BC', 'infinity', '-1 days -00:00:01.5', NULL, NULL,"
                + "  NULL, NULL, -2.2250738585072014e-308, 3.4e38, -0.000001)");
    }

    static final Expected POSTGRES = Expected.of(columns("id", "integer", "b3", "string", "vb", "string",
            "b1", "string", "bo", "boolean", "t", "time", "t3", "time", "tz", "time", "ts", "datetime",
            "tsl", "datetime", "d", "date", "iv", "interval", "j", "json", "j2", "json", "ai", "array",
            "at", "array", "dbl", "float", "f4", "float", "num", "float"),
        """
            {"id": 1, "b3": "101", "vb": "1011", "b1": "1", "bo": true, "t": "12:34:56.789", "t3": "23:59:59.999",
             "tz": "12:34:56.789+02:00", "ts": "2024-01-02T03:04:05.123456+05:30", "tsl": "2024-01-02T03:04:05.5",
             "d": "2024-02-29", "iv": "P1Y2M3DT4H5M6.789S", "j": {"a": [1, 2.5, null, true], "b": {"c": "x"}},
             "j2": [1, "two"], "ai": [1, 2, 3], "at": [["a", "b"], ["c", null]], "dbl": 1.0E308, "f4": 1.1,
             "num": 12345678901234567890.123456789}""",
        """
            {"id": 2, "b3": "000", "vb": "", "b1": "0", "bo": false, "t": "00:00:00", "t3": "00:00:00.001",
             "tz": "00:00:00-05:30", "ts": "infinity", "tsl": "-infinity", "d": "-0043-03-15", "iv": "PT838H59M59S",
             "j": null, "j2": {}, "ai": [], "at": ["x;y", "quote\\"d"], "dbl": "NaN", "f4": "-Infinity", "num": "NaN"}""",
        """
            {"id": 3, "b3": "111", "vb": null, "b1": null, "bo": null, "t": "24:00:00", "t3": null, "tz": null,
             "ts": "0000-01-01T05:53:28+05:53:28", "tsl": "-0043-03-15T10:00:00", "d": "infinity", "iv": "P-1DT-1.5S",
             "j": null, "j2": null, "ai": null, "at": null, "dbl": -2.2250738585072014E-308, "f4": 3.4E38,
             "num": -0.000001}""");

    @Test
    void mariaDbValuesAreWhatTheMariaDbClientShows() throws SQLException {
        cleanups.add(() -> sql(mariadb(), "DROP TABLE IF EXISTS " + table));
        createMariaDbTable(table);
        long source = new DataSourceFixtures(api()).mariadb(Map.of());

        MARIADB.assertAnswered(api(), run(source, mariaDbQuery(table)));
    }

    static String mariaDbQuery(String table) {
        return "SELECT *, timediff('2024-02-01 00:00:00', '2024-01-01 00:00:00') AS td FROM " + table + " ORDER BY id";
    }

    static void createMariaDbTable(String table) throws SQLException {
        sql(mariadb(), "CREATE TABLE " + table + " (id INT, t TIME, t6 TIME(6), y YEAR, b8 BIT(8), b1 BIT(1),"
                + " b12 BIT(12), j JSON, d DOUBLE, f FLOAT, dt DATETIME(6), ts TIMESTAMP(3) NULL, da DATE,"
                + " tb TINYINT(1), dec1 DECIMAL(30,10))");
        sql(mariadb(), "INSERT INTO " + table + " VALUES"
                + " (1, '838:59:59', '12:34:56.123456', 2024, b'00000101', b'1', b'101010101010',"
                + "  '{\"a\": [1, 2.5], \"b\": null}', 1e308, 1.5, '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.5',"
                + "  '1000-01-01', 1, 12345678901234567890.0123456789),"
                + " (2, '-838:59:59', '-00:00:00.000001', 1901, b'11111111', b'0', b'000000000001',"
                + "  '[]', -2.2250738585072014e-308, -3.4e38, '9999-12-31 23:59:59.999999', NULL, '9999-12-31', 0, -0.0000000001)");
    }

    static final Expected MARIADB = Expected.of(columns("id", "integer", "t", "time", "t6", "time",
            "y", "integer", "b8", "string", "b1", "string", "b12", "string", "j", "json", "d", "float",
            "f", "float", "dt", "datetime", "ts", "datetime", "da", "date", "tb", "boolean", "dec1", "float",
            "td", "time"),
        """
            {"id": 1, "t": "838:59:59", "t6": "12:34:56.123456", "y": 2024, "b8": "00000101", "b1": "1",
             "b12": "101010101010", "j": {"a": [1, 2.5], "b": null}, "d": 1.0E308, "f": 1.5,
             "dt": "2024-01-02T03:04:05.123456", "ts": "2024-01-02T03:04:05.500", "da": "1000-01-01", "tb": true,
             "dec1": 12345678901234567890.0123456789, "td": "744:00:00"}""",
        """
            {"id": 2, "t": "-838:59:59", "t6": "-00:00:00.000001", "y": 1901, "b8": "11111111", "b1": "0",
             "b12": "000000000001", "j": [], "d": -2.2250738585072014E-308, "f": -3.4E38,
             "dt": "9999-12-31T23:59:59.999999", "ts": null, "da": "9999-12-31", "tb": false,
             "dec1": -0.0000000001, "td": "744:00:00"}""");

    @Test
    void h2ValuesAreWhatH2Shows() throws SQLException {
        String url = "jdbc:h2:mem:" + table + ";DB_CLOSE_DELAY=-1";
        cleanups.add(() -> sql(DriverManager.getConnection(url, "sa", ""), "DROP ALL OBJECTS"));
        try (Connection h2 = DriverManager.getConnection(url, "sa", "")) {
            exec(h2, "CREATE TABLE items (id INT, t TIME(3), tz TIME(3) WITH TIME ZONE, ts TIMESTAMP(6) WITH TIME ZONE,"
                    + " tsl TIMESTAMP(3), d DATE, iym INTERVAL YEAR TO MONTH, ids INTERVAL DAY TO SECOND(3),"
                    + " j JSON, ai INTEGER ARRAY, aa VARCHAR ARRAY, dbl DOUBLE PRECISION, r REAL, bi BIGINT)");
            exec(h2, "INSERT INTO items VALUES"
                    + " (1, TIME '12:34:56.789', TIME WITH TIME ZONE '12:34:56.789+02:00',"
                    + "  TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05.123456+05:30', TIMESTAMP '2024-01-02 03:04:05.5',"
                    + "  DATE '2024-02-29', INTERVAL '1-2' YEAR TO MONTH, INTERVAL '3 04:05:06.789' DAY TO SECOND,"
                    + "  JSON '{\"a\":[1,2.5]}', ARRAY[1,2,3], ARRAY['x;y',NULL], 1e308, 1.1, 9223372036854775807),"
                    + " (2, TIME '00:00:00', TIME WITH TIME ZONE '00:00:00-05:30',"
                    + "  TIMESTAMP WITH TIME ZONE '2024-06-30 23:59:59+00:00', TIMESTAMP '0001-01-01 00:00:00',"
                    + "  DATE '-0043-03-15', INTERVAL '-1-0' YEAR TO MONTH, INTERVAL '-0 00:00:01.5' DAY TO SECOND,"
                    + "  JSON '[]', ARRAY[], ARRAY[], -2.2250738585072014e-308, -3.4e38, -9223372036854775808)");
        }
        long source = new DataSourceFixtures(api()).h2(url, Map.of());

        H2.assertAnswered(api(), run(source, "SELECT * FROM items ORDER BY id"));
    }

    static final Expected H2 = Expected.of(columns("ID", "integer", "T", "time", "TZ", "time",
            "TS", "datetime", "TSL", "datetime", "D", "date", "IYM", "interval", "IDS", "interval",
            "J", "json", "AI", "array", "AA", "array", "DBL", "float", "R", "float", "BI", "integer"),
        """
            {"ID": 1, "T": "12:34:56.789", "TZ": "12:34:56.789+02:00", "TS": "2024-01-02T03:04:05.123456+05:30",
             "TSL": "2024-01-02T03:04:05.5", "D": "2024-02-29", "IYM": "P1Y2M", "IDS": "P3DT4H5M6.789S",
             "J": {"a": [1, 2.5]}, "AI": [1, 2, 3], "AA": ["x;y", null], "DBL": 1.0E308, "R": 1.1,
             "BI": 9223372036854775807}""",
        """
            {"ID": 2, "T": "00:00:00", "TZ": "00:00:00-05:30", "TS": "2024-06-30T23:59:59+00:00",
             "TSL": "0001-01-01T00:00:00", "D": "-0043-03-15", "IYM": "P-1Y", "IDS": "PT-1.5S",
             "J": [], "AI": [], "AA": [], "DBL": -2.2250738585072014E-308, "R": -3.4E38,
             "BI": -9223372036854775808}""");

    @Test
    void duckDbValuesAreWhatDuckDbShows() throws Exception {
        Path file = Files.createTempDirectory("sightline-fidelity-").resolve("types.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            exec(duck, "CREATE TABLE items (id INTEGER, t TIME, tz TIMETZ, ts TIMESTAMPTZ, tsl TIMESTAMP, d DATE,"
                    + " iv INTERVAL, j JSON, ai INTEGER[], aa VARCHAR[][], dbl DOUBLE, f FLOAT, b BIT, h HUGEINT)");
            exec(duck, "INSERT INTO items VALUES"
                    + " (1, '12:34:56.789', '12:34:56.789+02', '2024-01-02 03:04:05.123456+05:30', '2024-01-02 03:04:05.5',"
                    + "  '2024-02-29', INTERVAL '1 year 2 months 3 days 04:05:06.789', '{\"a\":[1,2.5]}', [1,2,3],"
                    + "  [['a','b'],['c',NULL]], 1e308, 1.1, '101', 170141183460469231731687303715884105727),"
                    + " (2, '00:00:00', '00:00:00-05:30', 'infinity', '-infinity', '-infinity', INTERVAL '-1 day',"
                    + "  '[]', [], [], -2.2250738585072014e-308, -3.4e38, '0', -1),"
                    + " (3, '23:59:59.999999', NULL, '-infinity', 'infinity', 'infinity', INTERVAL '838 hours 59 minutes 59 seconds',"
                    + "  NULL, NULL, NULL, 'NaN', 'Infinity', NULL, NULL),"
                    + " (4, NULL, NULL, NULL, '0044-03-15 (BC) 10:00:00', '0044-03-15 (BC)', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        }
        long source = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", file.toString()));

        DUCKDB.assertAnswered(api(), run(source, "SELECT * FROM items ORDER BY id"));
    }

    static final Expected DUCKDB = Expected.of(columns("id", "integer", "t", "time", "tz", "time",
            "ts", "datetime", "tsl", "datetime", "d", "date", "iv", "interval", "j", "json", "ai", "array",
            "aa", "array", "dbl", "float", "f", "float", "b", "string", "h", "integer"),
        """
            {"id": 1, "t": "12:34:56.789", "tz": "12:34:56.789+02:00", "ts": "2024-01-01T21:34:05.123456Z",
             "tsl": "2024-01-02T03:04:05.5", "d": "2024-02-29", "iv": "P1Y2M3DT4H5M6.789S", "j": {"a": [1, 2.5]},
             "ai": [1, 2, 3], "aa": [["a", "b"], ["c", null]], "dbl": 1.0E308, "f": 1.1, "b": "101",
             "h": 170141183460469231731687303715884105727}""",
        """
            {"id": 2, "t": "00:00:00", "tz": "00:00:00-05:30", "ts": "infinity", "tsl": "-infinity", "d": "-infinity",
             "iv": "P-1D", "j": [], "ai": [], "aa": [], "dbl": -2.2250738585072014E-308, "f": -3.4E38, "b": "0",
             "h": -1}""",
        """
            {"id": 3, "t": "23:59:59.999999", "tz": null, "ts": "-infinity", "tsl": "infinity", "d": "infinity",
             "iv": "PT838H59M59S", "j": null, "ai": null, "aa": null, "dbl": "NaN", "f": "Infinity", "b": null,
             "h": null}""",
        """
            {"id": 4, "t": null, "tz": null, "ts": null, "tsl": "-0043-03-15T10:00:00", "d": "-0043-03-15",
             "iv": null, "j": null, "ai": null, "aa": null, "dbl": null, "f": null, "b": null, "h": null}""");

    /** The run's result as the server wrote it: decimals exact, a double told apart from a long integer. */
    private JsonNode run(long source, String sql) {
        long id = new Runs(api()).result(source, sql).path("id").asLong();
        return EXACT.readTree(api().get("/api/query_results/" + id).body()).path("query_result");
    }

    /**
     * The stored result read again, as JSON export and as CSV, holds the very values the run answered; only dates
     * and timestamps in CSV are written in the organization's formats, as Redash writes them (JSON and Excel keep
     * them exact: QueryResultDownloadsTest).
     */
    static void assertExportsKeep(Api api, JsonNode result) {
        long id = result.path("id").asLong();
        JsonNode exported = EXACT.readTree(api.get("/api/query_results/" + id + ".json").body()).path("query_result");
        assertThat(exported.path("data")).isEqualTo(result.path("data"));
        String csv = api.get("/api/query_results/" + id + ".csv").body();
        Map<String, String> types = columnTypes(result);
        JsonNode first = result.path("data").path("rows").get(0);
        for (var entry : first.properties()) {
            JsonNode value = entry.getValue();
            if (List.of("date", "datetime").contains(types.get(entry.getKey()))) {
                continue;
            }
            if (value.isNumber() && value.isFloatingPointNumber() && Math.abs(value.asDouble()) > 1e300) {
                assertThat(csv).contains(value.decimalValue().toString().replace("E+", "E")).doesNotContain("1000000000000000000000000000000");
            } else if (value.isContainer()) {
                String json = Api.JSON.writeValueAsString(value);
                assertThat(csv).contains(json.indexOf(',') >= 0 || json.indexOf('"') >= 0
                        ? '"' + json.replace("\"", "\"\"") + '"' : json);
            } else if (value.isString() && !value.asString().isEmpty() && "=+-@".indexOf(value.asString().charAt(0)) < 0) {
                assertThat(csv).contains(value.asString());
            }
        }
    }

    private static void assertRow(JsonNode result, int index, String expected) {
        JsonNode row = result.path("data").path("rows").get(index);
        JsonNode want = EXACT.readTree(expected);
        for (var entry : want.properties()) {
            assertThat(row.path(entry.getKey()).toString()).as("row %d column %s in %s", index, entry.getKey(), row)
                    .isEqualTo(entry.getValue().toString());
        }
        assertThat(row.size()).as("columns of row %d", index).isEqualTo(want.size());
    }

    private static Map<String, String> columnTypes(JsonNode result) {
        Map<String, String> types = new LinkedHashMap<>();
        result.path("data").path("columns").forEach(c -> types.put(c.path("name").asString(), c.path("type").asString()));
        return types;
    }

    /** Column names and their types, in order: name, type, name, type... */
    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    /** What the API must answer for one engine's table: the columns' types in order, then each row as JSON. */
    record Expected(Map<String, String> types, List<String> rows) {

        static Expected of(Map<String, String> types, String... rows) {
            return new Expected(types, List.of(rows));
        }

        /** The result holds these types and rows, and its JSON and CSV exports keep the same values. */
        void assertAnswered(Api api, JsonNode result) {
            assertThat(columnTypes(result)).containsExactlyEntriesOf(types);
            for (int i = 0; i < rows.size(); i++) {
                assertRow(result, i, rows.get(i));
            }
            assertExportsKeep(api, result);
        }
    }

    static Connection postgres() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

    static Connection mariadb() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
    }

    /** Runs one statement on a connection of its own, then closes it. */
    static void sql(Connection connection, String sql) throws SQLException {
        try (connection) {
            exec(connection, sql);
        }
    }

    static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
