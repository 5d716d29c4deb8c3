package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A property-based test of parameter binding: a seeded generator builds a corpus of hostile values (quotes,
 * backslashes, comment markers, Unicode look-alike quotes, statement separators, dollar quotes, very long and
 * multibyte text) and binds every one as a text-pattern value, an enum value and an item of a multi-value enum
 * with an empty prefix and suffix, on the real PostgreSQL, MariaDB (typed and through a stored generic JDBC
 * source), H2 and DuckDB. Each value must come back exactly as data, and a canary table in each database must
 * be unchanged afterwards (no statement but the query ran). The seed is fixed so a failure can be replayed.
 */
class HostileParameterValuesTest extends EmbeddedServerTest {

    static final long SEED = 20261205L;
    static final int CORPUS = 1000;
    static final int BATCH = 20;
    static final String PG_DB = "sightline_it_sandbox_params";
    static final String MARIA_DB = "it_sandbox_params";
    static final String H2_URL = "jdbc:h2:mem:it_sandbox_params;DB_CLOSE_DELAY=-1";

    static final List<String> FRAGMENTS = List.of("'", "''", "\\", "\\'", "\\\\'", "'\\", "--", "-- ", "/*", "*/",
            "#", ";", "\"", "`", "$$", "$q$", "{{", "}}", "%", "_", "\n", "\r\n", "\t", "\u2019", "\u02bc", "\uff07",
            "\u2018", "\u00b4", "\u0060", "\u00a5", "\u20a9", "é", "日本語", "😀", "\u200b", "\ufeff", "' OR '1'='1",
            "'; DROP TABLE canary; --", "' UNION SELECT s FROM secrets --", "\\'; DELETE FROM canary; -- ",
            "'); DELETE FROM canary; /*", "E'", "U&'", "\\x27", "CHAR(39)", "?", ":name", "${x}", "\\0", "\\Z",
            "\\b", "0x27", "' || (SELECT s FROM secrets) || '", "*/ DELETE FROM canary /*", "\\\\", "'''", "\\\\\\'",
            "中\\' UNION SELECT s FROM secrets -- ", "\\' UNION SELECT s FROM secrets -- ", "\u00bf'", "\u00bf\\'",
            "縗\\'", "\\%", "\\_", "%_%");

    static Connection keepH2;

    @Autowired
    JdbcClient jdbc;

    record Engine(String name, long dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Map<String, Long> SOURCES = new LinkedHashMap<>();
    static final Map<Long, Api> VIEWERS = new HashMap<>();

    /** A user with view-only access to the data source, who runs the saved queries the admin wrote. */
    private Api viewer(long source) {
        return VIEWERS.computeIfAbsent(source, id -> {
            var access = new AccessFixtures(api());
            var member = access.user("viewer");
            access.grant(member, id, true);
            return member.api();
        });
    }

    @BeforeAll
    static void databasesWithACanaryAndASecret() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DB + "'")) {
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + PG_DB);
            }
        }
        fill("jdbc:postgresql://127.0.0.1:5432/" + PG_DB, "postgres");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + MARIA_DB + " CHARACTER SET utf8mb4");
        }
        fill("jdbc:mariadb://127.0.0.1:3306/" + MARIA_DB, "root");
        keepH2 = DriverManager.getConnection(H2_URL, "sa", "");
        fill(H2_URL, "sa");
    }

    private static void fill(String url, String user) throws SQLException {
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS canary");
            s.execute("DROP TABLE IF EXISTS secrets");
            s.execute("CREATE TABLE canary (x INT)");
            s.execute("INSERT INTO canary VALUES (1)");
            s.execute("CREATE TABLE secrets (s VARCHAR(20))");
            s.execute("INSERT INTO secrets VALUES ('TOP-SECRET')");
        }
    }

    private static int canaryRows(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM canary")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The corpus: the same values on every run, from {@link #SEED}. */
    static List<String> corpus() {
        Random random = new Random(SEED);
        List<String> values = new ArrayList<>(FRAGMENTS.stream().filter(f -> !f.isBlank()).toList());
        while (values.size() < CORPUS - 3) {
            StringBuilder value = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                if (random.nextInt(3) == 0) {
                    value.append((char) ('a' + random.nextInt(26)));
                }
                value.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            if (!value.toString().isBlank()) {
                values.add(value.toString());
            }
        }
        for (int i = 0; i < 3; i++) { // very long: a few thousand characters of the same mix
            StringBuilder value = new StringBuilder("x");
            while (value.length() < 4000 + 1000 * i) {
                value.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            values.add(value.toString());
        }
        return values;
    }

    static Stream<String> engines() {
        return Stream.of("postgres", "mariadb", "generic-jdbc-mariadb", "h2", "duckdb");
    }

    private long source(String engine) throws Exception {
        Long known = SOURCES.get(engine);
        if (known != null) {
            return known;
        }
        var fixtures = new DataSourceFixtures(api());
        long id = switch (engine) {
            case "postgres" -> fixtures.create("pg", Map.of("host", "127.0.0.1", "port", 5432, "user", "postgres",
                    "dbname", PG_DB, "max_connections", 1));
            case "mariadb" -> fixtures.create("mysql", Map.of("host", "127.0.0.1", "port", 3306, "user", "root",
                    "db", MARIA_DB, "max_connections", 1));
            case "generic-jdbc-mariadb" -> {
                long flipped = fixtures.create("mysql", Map.of("host", "127.0.0.1", "port", 3306, "user", "root",
                        "db", MARIA_DB));
                // a generic JDBC source on MariaDB, as stored before the generic type refused MariaDB URLs
                jdbc.sql("UPDATE data_sources SET type = 'jdbc', options = ? WHERE id = ?").params(
                        "{\"url\":\"jdbc:mariadb://127.0.0.1:3306/" + MARIA_DB + "\",\"user\":\"root\","
                                + "\"max_connections\":1}", flipped).update();
                yield flipped;
            }
            case "h2" -> fixtures.create("h2", Map.of("url", H2_URL));
            case "duckdb" -> {
                Path file = Files.createTempDirectory("it-sandbox-params").resolve("params.duckdb");
                fill("jdbc:duckdb:" + file, null);
                yield fixtures.create("duckdb", Map.of("dbpath", file.toString()));
            }
            default -> throw new IllegalArgumentException(engine);
        };
        SOURCES.put(engine, id);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyHostileValueComesBackAsDataAndNothingElseRuns(String engine) throws Exception {
        long source = source(engine);
        List<String> corpus = corpus();
        long started = System.nanoTime();
        int checked = 0;
        for (int from = 0; from < corpus.size(); from += BATCH) {
            List<String> batch = corpus.subList(from, Math.min(corpus.size(), from + BATCH));
            checked += runBatch(source, engine, batch);
        }
        System.out.printf("%s: %d values checked in %d ms%n", engine, checked, (System.nanoTime() - started) / 1_000_000);
        assertThat(canary(engine)).as("canary rows in " + engine).isOne();
    }

    private int runBatch(long source, String engine, List<String> batch) {
        List<String> options = batch.stream().filter(v -> v.indexOf('\n') < 0 && v.indexOf('\r') < 0).toList();
        List<Map<String, Object>> declarations = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            declarations.add(Map.of("name", "t" + i, "type", "text-pattern", "regex", "(?s).*"));
            values.put("t" + i, batch.get(i));
            sql.append("'{{ t").append(i).append(" }}' AS t").append(i).append(", ");
            expected.put("t" + i, batch.get(i));
            // in a LIKE pattern (% and _ match themselves too): still one literal, and it matches the value
            sql.append("CASE WHEN '{{ t").append(i).append(" }}' LIKE '{{ t").append(i)
                    .append(" }}' ESCAPE '!' THEN 'like' ELSE 'unlike' END AS l").append(i).append(", ");
            expected.put("l" + i, "like");
        }
        for (int i = 0; i < options.size(); i++) {
            declarations.add(Map.of("name", "e" + i, "type", "enum", "enumOptions", List.of(options.get(i))));
            values.put("e" + i, options.get(i));
            sql.append("'{{ e").append(i).append(" }}' AS e").append(i).append(", ");
            expected.put("e" + i, options.get(i));
        }
        declarations.add(Map.of("name", "m", "type", "enum", "enumOptions", options,
                "multiValuesOptions", Map.of("prefix", "", "suffix", "", "separator", ",")));
        values.put("m", options);
        // every item an unquoted-prefix multi-value is given must arrive as a literal, not as SQL
        sql.append("CONCAT_WS('|', {{ m }}) AS m, ");
        expected.put("m", String.join("|", options));
        sql.append("CASE WHEN 'no such option' IN ({{ m }}) THEN 'in' ELSE 'not in' END AS i");
        expected.put("i", "not in");
        String sqlText = sql.toString();

        var saved = api().post("/api/queries", Map.of("data_source_id", source, "name", "hostile " + UUID.randomUUID(),
                "query", sqlText, "options", Map.of("parameters", declarations)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Api viewer = viewer(source);
        var run = viewer.post("/api/queries/" + saved.json().path("id").asLong() + "/results",
                Map.of("parameters", values, "max_age", 0));
        JsonNode result = new Runs(viewer).resultOf(run);
        JsonNode rows = result.path("data").path("rows");
        assertThat(rows.size()).as(engine + ": one row").isOne();
        Map<String, String> actual = new LinkedHashMap<>();
        rows.get(0).properties().forEach(e -> actual.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asString()));
        assertThat(actual).as(engine).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(rows.toString()).doesNotContain("TOP-SECRET");
        return batch.size() + 2 * options.size();
    }

    private int canary(String engine) throws SQLException {
        return switch (engine) {
            case "postgres" -> canaryRows("jdbc:postgresql://127.0.0.1:5432/" + PG_DB, "postgres");
            case "mariadb", "generic-jdbc-mariadb" -> canaryRows("jdbc:mariadb://127.0.0.1:3306/" + MARIA_DB, "root");
            case "h2" -> canaryRows(H2_URL, "sa");
            default -> 1; // the DuckDB source is opened read-only: a change would have failed the run
        };
    }

    @Test
    void postgresConnectionLeftWithNonStandardStringsIsSwitchedBackBeforeAValueIsBound() throws Exception {
        long source = source("postgres"); // one connection: the next run gets the same one
        var off = api().post("/api/query_results", Map.of("data_source_id", source, "max_age", 0,
                "query", "SELECT set_config('standard_conforming_strings', 'off', false) AS s"));
        assertThat(new Runs(api()).resultOf(off).path("data").path("rows").get(0).path("s").asString()).isEqualTo("off");

        String value = "\\'; DELETE FROM canary; -- \\";
        var saved = api().post("/api/queries", Map.of("data_source_id", source, "name", "scs " + UUID.randomUUID(),
                "query", "SELECT '{{ v }}' AS v", "options",
                Map.of("parameters", List.of(Map.of("name", "v", "type", "text-pattern", "regex", "(?s).*")))));
        var run = api().post("/api/queries/" + saved.json().path("id").asLong() + "/results",
                Map.of("parameters", Map.of("v", value), "max_age", 0));
        assertThat(new Runs(api()).resultOf(run).path("data").path("rows").get(0).path("v").asString()).isEqualTo(value);
        assertThat(canary("postgres")).isOne();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void valueTheEngineCannotHoldIsA400NamingTheParameter(String engine) throws Exception {
        long source = source(engine);
        var saved = api().post("/api/queries", Map.of("data_source_id", source, "name", "nul " + UUID.randomUUID(),
                "query", "SELECT '{{ who }}' AS who", "options",
                Map.of("parameters", List.of(Map.of("name", "who", "type", "text-pattern", "regex", "(?s).*")))));
        Api api = api();
        // (an unpaired surrogate cannot be sent as UTF-8 at all; the binder's own test refuses it)
        for (String value : List.of("a\u0000b", "\u0000", "x'\u0000'; DELETE FROM canary; --")) {
            var run = api.post("/api/queries/" + saved.json().path("id").asLong() + "/results",
                    Map.of("parameters", Map.of("who", value), "max_age", 0));
            assertThat(run.status()).as(run.toString()).isEqualTo(400);
            assertThat(run.message()).contains("who");
        }
    }
    /** Each SET a full-access user may leave on a pooled connection that would change how a literal is read. */
    static Stream<org.junit.jupiter.params.provider.Arguments> unsafeSettings() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("postgres",
                        "SELECT set_config('standard_conforming_strings', 'off', false) AS s"),
                org.junit.jupiter.params.provider.Arguments.of("postgres",
                        "SELECT set_config('backslash_quote', 'on', false) AS s"),
                org.junit.jupiter.params.provider.Arguments.of("mariadb", "SET NAMES gbk"),
                org.junit.jupiter.params.provider.Arguments.of("mariadb", "SET NAMES big5"),
                org.junit.jupiter.params.provider.Arguments.of("mariadb", "SET NAMES sjis"),
                org.junit.jupiter.params.provider.Arguments.of("mariadb", "SET character_set_client = cp932"),
                org.junit.jupiter.params.provider.Arguments.of("mariadb", "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'"),
                org.junit.jupiter.params.provider.Arguments.of("generic-jdbc-mariadb", "SET NAMES gbk"),
                org.junit.jupiter.params.provider.Arguments.of("generic-jdbc-mariadb",
                        "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'"),
                org.junit.jupiter.params.provider.Arguments.of("h2", "SET SCHEMA INFORMATION_SCHEMA"),
                org.junit.jupiter.params.provider.Arguments.of("duckdb", "USE system"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsafeSettings")
    void viewerValuesStayDataAfterAFullAccessUserLeftAnUnsafeSettingOnTheOnlyPooledConnection(String engine, String set)
            throws Exception {
        long source = source(engine); // one connection (max_connections 1): every run gets the one the SET ran on
        List<String> payloads = List.of("中\\' UNION SELECT s FROM secrets -- ", "\\' UNION SELECT s FROM secrets -- ",
                "\u00bf' UNION SELECT s FROM secrets -- ", "\u00bf\\' UNION SELECT s FROM secrets -- ", "縗\\'", "\\",
                "'' OR 1=1 -- ", "\\'; DELETE FROM canary; -- ");
        for (int round = 0; round < 2; round++) {
            var runs = new Runs(api());
            JsonNode left = runs.finish(runs.submit(source, set)); // rows or none: the setting is what counts
            assertThat(left.path("status").asInt()).as(set + ": " + left).isIn(3, 4);
            runBatch(source, engine, payloads);
        }
        assertThat(canary(engine)).as("canary rows in " + engine).isOne();
    }

    @Test
    void dataSourceWhoseUrlTurnsStandardConformingStringsOffIsRefusedWhenSavedTestedAndRun() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + PG_DB + "?options=-c%20standard_conforming_strings%3Doff";
        var saved = api().post("/api/data_sources", Map.of("name", "scs-off " + UUID.randomUUID(), "type", "jdbc",
                "options", Map.of("url", url, "user", "postgres")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(400);
        assertThat(saved.message()).contains("standard_conforming_strings").contains("'options'");

        long stored = new DataSourceFixtures(api()).postgres(Map.of("dbname", PG_DB));
        // stored before such URLs were refused
        jdbc.sql("UPDATE data_sources SET type = 'jdbc', options = ? WHERE id = ?")
                .params("{\"url\":\"" + url + "\",\"user\":\"postgres\"}", stored).update();
        var tested = api().post("/api/data_sources/" + stored + "/test", Map.of());
        assertThat(tested.status()).as(tested.toString()).isEqualTo(400);
        assertThat(tested.message()).contains("standard_conforming_strings");
        String error = new Runs(api()).error(stored, "SELECT s FROM secrets");
        assertThat(error).contains("standard_conforming_strings").doesNotContain("TOP-SECRET");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"?characterEncoding=GBK", "?sessionVariables=character_set_client%3Dbig5",
            "?connectionCollation=sjis_japanese_ci", "?sessionVariables=names%20cp932"})
    void mariaDbUrlWithABackslashUnsafeCharsetIsRefusedNamingTheOption(String options) {
        var saved = api().post("/api/data_sources", Map.of("name", "gbk " + UUID.randomUUID(), "type", "jdbc",
                "options", Map.of("url", "jdbc:mariadb://127.0.0.1:3306/" + MARIA_DB + options, "user", "root")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(400);
        assertThat(saved.message()).contains("character set").contains(options.substring(1, options.indexOf('=')));
    }
}
