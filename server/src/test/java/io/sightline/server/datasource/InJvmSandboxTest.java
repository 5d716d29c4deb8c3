package io.sightline.server.datasource;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * H2 and DuckDB run inside the server: a user with full access to such a data source (not an admin) tries, through
 * the API, to read the server's files, write files, define Java functions, change settings and change data; every
 * attempt fails, whichever type reached the database. New data sources are nobody's until an admin grants them.
 */
class InJvmSandboxTest extends EmbeddedServerTest {

    private static final String NAME_PREFIX = "it_sandbox";

    @TempDir
    static Path files;

    @Autowired
    JdbcClient jdbc;

    private long group;
    private Api analyst;

    @BeforeEach
    void analystInAGroupOfTheirOwn() {
        var createdGroup = api().post("/api/groups", Map.of("name", NAME_PREFIX + "-" + unique()));
        group = createdGroup.json().path("id").asLong();
        var user = api().post("/api/users", Map.of("name", "Analyst", "email", NAME_PREFIX + unique() + "@example.com"));
        assertThat(user.status()).as(user.toString()).isEqualTo(200);
        api().post("/api/groups/" + group + "/members", Map.of("user_id", user.json().path("id").asLong()));
        analyst = api().withKey(user.json().path("api_key").asString());
    }

    @Test
    void newDataSourceGrantsNoGroupAnythingUntilAnAdminDoes() {
        long source = h2Source(Map.of());
        long defaults = jdbc.sql("SELECT id FROM groups WHERE name = 'default'").query(Long.class).single();

        assertThat(api().get("/api/groups/" + defaults + "/data_sources").json().values())
                .extracting(ds -> ds.path("id").asLong()).doesNotContain(source);
        assertThat(analyst.get("/api/data_sources").json().values()).extracting(ds -> ds.path("id").asLong())
                .doesNotContain(source);
        var run = analyst.post("/api/query_results", Map.of("data_source_id", source, "query", "SELECT 1", "max_age", 0));
        assertThat(run.status()).as(run.toString()).isEqualTo(403);

        grant(source);
        assertThat(rows(source, "SELECT 1 AS one")).first().satisfies(row -> assertThat(row.path("one").asInt()).isOne());
    }

    @Test
    void h2RefusesFileFunctionsJavaFunctionsScriptsAndWrites() throws Exception {
        String url = h2Url();
        long source = h2Source(Map.of("url", url));
        grant(source);
        assertH2Fenced(source, url);
    }

    @Test
    void h2ReachedThroughAStoredGenericJdbcSourceIsFencedTheSame() throws Exception {
        String url = h2Url();
        long source = h2Source(Map.of("url", url, "user", "sa"));
        // as stored before the generic type refused H2 URLs
        jdbc.sql("UPDATE data_sources SET type = 'jdbc' WHERE id = ?").param(source).update();
        grant(source);
        assertH2Fenced(source, url);
    }

    @Test
    void h2WithWritesAllowedChangesRowsButStillReachesNoFile() throws Exception {
        String url = h2Url();
        long source = h2Source(Map.of("url", url, "allow_writes", true));
        grant(source);

        assertThat(rows(source, "INSERT INTO canary VALUES (2)").get(0).path("rows_affected").asInt()).isEqualTo(1);
        assertThat(rows(source, "SELECT COUNT(*) AS n FROM canary").get(0).path("n").asInt()).isEqualTo(2);
        assertThat(refused(source, "SELECT FILE_READ('/etc/passwd') AS f")).containsIgnoringCase("admin");
        assertThat(refused(source, "CREATE TABLE made_here (x INT)")).isNotBlank();
    }

    @Test
    void duckDbRefusesFilesSettingsExtensionsAndWrites() throws Exception {
        Path file = duckFile();
        long source = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", file.toString()));
        grant(source);
        assertDuckFenced(source);
    }

    @Test
    void duckDbReachedThroughAStoredGenericJdbcSourceIsFencedTheSame() throws Exception {
        Path file = duckFile();
        long source = new DataSourceFixtures(api()).create("duckdb", Map.of("dbpath", file.toString()));
        // as stored before the generic type refused DuckDB URLs, with settings in the URL that would undo the fence
        jdbc.sql("UPDATE data_sources SET type = 'jdbc', options = ? WHERE id = ?")
                .params("{\"url\":\"jdbc:duckdb:" + file + ";enable_external_access=true\"}", source).update();
        grant(source);
        assertDuckFenced(source);
    }

    @Test
    void genericJdbcRefusesUrlsOfTypedDriversNamingTheType() {
        Map<String, String> typed = Map.of("jdbc:h2:mem:x", "'h2'", "jdbc:duckdb:/tmp/x.duckdb", "'duckdb'",
                "jdbc:postgresql://127.0.0.1/test", "'pg'", "jdbc:mariadb://127.0.0.1/test?allowLocalInfile=true",
                "'mysql'", "jdbc:mysql://127.0.0.1/test?allowLoadLocalInfile=true&autoDeserialize=true", "'mysql'");
        typed.forEach((url, type) -> {
            var created = api().post("/api/data_sources", Map.of("name", NAME_PREFIX + unique(), "type", "jdbc",
                    "options", Map.of("url", url)));
            assertThat(created.status()).as(created.toString()).isEqualTo(400);
            assertThat(created.message()).contains("'url'").contains(type);
        });
    }

    @Test
    void storedGenericMariaDbSourceWithLocalInfileDoesNotConnect() {
        long source = new DataSourceFixtures(api()).create("h2", Map.of("url", h2Url()));
        jdbc.sql("UPDATE data_sources SET type = 'jdbc', options = ? WHERE id = ?")
                .params("{\"url\":\"jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true\"}", source)
                .update();
        grant(source);
        assertThat(refused(source, "SELECT 1")).contains("allowLocalInfile");
    }

    @Test
    void refusesDataSourcesThatReachTheMetadataDatabase() {
        Path metadata = dataDir().resolve("metadata");
        for (String url : List.of("jdbc:h2:file:" + metadata, "jdbc:h2:" + metadata + ".mv.db;IFEXISTS=TRUE",
                "jdbc:h2:" + dataDir().resolve("x").resolve("..").resolve("metadata") + ";ACCESS_MODE_DATA=r")) {
            var created = api().post("/api/data_sources", Map.of("name", NAME_PREFIX + unique(), "type", "h2",
                    "options", Map.of("url", url)));
            assertThat(created.status()).as(url + " " + created).isEqualTo(400);
            assertThat(created.message()).contains("metadata database");
        }
        long other = h2Source(Map.of());
        var changed = api().post("/api/data_sources/" + other, Map.of("options", Map.of("url", "jdbc:h2:file:" + metadata)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
    }

    @Test
    void dataSourceScreenOffersWritesAsAnOptionWithAWarning() {
        JsonNode types = api().get("/api/data_sources/types").json();
        for (String type : List.of("h2", "duckdb")) {
            JsonNode schema = types.valueStream().filter(t -> type.equals(t.path("type").asString())).findFirst()
                    .orElseThrow().path("configuration_schema");
            JsonNode field = schema.path("properties").path("allow_writes");
            assertThat(field.path("type").asString()).isEqualTo("boolean");
            assertThat(field.path("title").asString()).contains("WARNING");
            assertThat(field.path("default").asBoolean()).isFalse();
        }
    }

    private void assertH2Fenced(long source, String url) throws Exception {
        Path written = files.resolve("h2-" + unique() + ".csv");
        Path script = files.resolve("h2-" + unique() + ".sql");
        Files.writeString(script.resolveSibling("run-" + script.getFileName()), "CREATE TABLE pwned (x INT);");
        assertThat(refused(source, "SELECT FILE_READ('/etc/passwd') AS f")).containsIgnoringCase("admin");
        assertThat(refused(source, "CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'")).isNotBlank();
        assertThat(refused(source, "SELECT * FROM CSVREAD('/etc/passwd')")).isNotBlank();
        assertThat(refused(source, "CALL CSVWRITE('" + written + "', 'SELECT 1')")).isNotBlank();
        assertThat(refused(source, "SELECT FILE_WRITE('x', '" + written + "') AS w")).isNotBlank();
        assertThat(refused(source, "SELECT * FROM LINK_SCHEMA('L', '', 'jdbc:h2:mem:l', 'sa', '', 'PUBLIC')")).isNotBlank();
        assertThat(refused(source, "RUNSCRIPT FROM '" + script.resolveSibling("run-" + script.getFileName()) + "'")).isNotBlank();
        assertThat(refused(source, "SCRIPT TO '" + script + "'")).isNotBlank();
        assertThat(refused(source, "INSERT INTO canary VALUES (2)")).isNotBlank();
        assertThat(refused(source, "DROP TABLE canary")).isNotBlank();
        assertThat(refused(source, "SET EXCLUSIVE 1")).isNotBlank();
        assertThat(refused(source, "CREATE TRIGGER t BEFORE INSERT ON canary FOR EACH ROW CALL 'java.lang.Object'"))
                .isNotBlank();
        assertThat(refused(source, "CREATE LINKED TABLE lt('', 'jdbc:h2:mem:l', 'sa', '', 'canary')")).isNotBlank();
        assertThat(written).doesNotExist();
        assertThat(script).doesNotExist();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM canary");
            rs.next();
            assertThat(rs.getInt(1)).isOne();
            assertThat(c.getMetaData().getTables(null, null, "pwned", null).next()).isFalse();
            assertThat(c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE UPPER(ROUTINE_NAME) = 'GETPROP'")).satisfies(r -> {
                        r.next();
                        assertThat(r.getInt(1)).isZero();
                    });
        }
        // reading the data source's own tables still works
        assertThat(rows(source, "SELECT COUNT(*) AS n FROM canary").get(0).path("n").asInt()).isOne();
    }

    private void assertDuckFenced(long source) {
        Path copied = files.resolve("duck-" + unique() + ".csv");
        assertThat(refused(source, "SELECT * FROM read_csv('/etc/passwd')")).isNotBlank();
        assertThat(refused(source, "SELECT * FROM '/etc/passwd'")).isNotBlank();
        assertThat(refused(source, "COPY (SELECT 1) TO '" + copied + "'")).isNotBlank();
        assertThat(refused(source, "SET enable_external_access = true")).isNotBlank();
        assertThat(refused(source, "SET lock_configuration = false")).isNotBlank();
        assertThat(refused(source, "ATTACH '" + files.resolve("other-" + unique() + ".duckdb") + "' AS other")).isNotBlank();
        assertThat(refused(source, "INSTALL httpfs")).isNotBlank();
        assertThat(refused(source, "INSERT INTO canary VALUES (2)")).isNotBlank();
        assertThat(copied).doesNotExist();
        assertThat(rows(source, "SELECT COUNT(*) AS n FROM canary").get(0).path("n").asInt()).isOne();
    }

    private long h2Source(Map<String, Object> options) {
        var all = new java.util.HashMap<String, Object>(Map.of("url", h2Url()));
        all.putAll(options);
        return new DataSourceFixtures(api()).create("h2", all);
    }

    /** An in-memory H2 database with one table, kept open by the test JVM. */
    private String h2Url() {
        String url = "jdbc:h2:mem:" + NAME_PREFIX + "_" + unique() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE canary (x INT)");
            c.createStatement().execute("INSERT INTO canary VALUES (1)");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return url;
    }

    private Path duckFile() throws SQLException {
        Path file = files.resolve(NAME_PREFIX + "-" + unique() + ".duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            c.createStatement().execute("CREATE TABLE canary AS SELECT 1 AS x");
        }
        return file;
    }

    private void grant(long source) {
        var granted = api().post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", source));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    }

    private List<JsonNode> rows(long source, String sql) {
        return new Runs(analyst).result(source, sql).path("data").path("rows").valueStream().toList();
    }

    /** The error of a run that must fail: refused at once (4xx) or failed as a job. */
    private String refused(long source, String sql) {
        var answer = analyst.post("/api/query_results", Map.of("data_source_id", source, "query", sql, "max_age", 0));
        if (answer.status() >= 400) {
            assertThat(answer.status()).as(sql + " " + answer).isLessThan(500);
            return answer.message();
        }
        JsonNode job = new Runs(analyst).finish(Runs.asJob(answer.json()));
        assertThat(job.path("status").asInt()).as(sql + " must fail: " + job).isEqualTo(4);
        return job.path("error").asString();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
