package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.pg;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The schema browser on the machine's real PostgreSQL and MariaDB and on a DuckDB file. */
class DataSourceSchemaTest extends EmbeddedServerTest {

    private static final String SUFFIX = unique();
    private static final String PG_SCHEMA = "sl_ds_" + SUFFIX;
    private static final String MARIADB_DB = "sl_ds_schema_" + SUFFIX;

    @TempDir
    static Path files;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void createTables() throws SQLException {
        DataSourceFixtures.postgres(
                "CREATE SCHEMA " + PG_SCHEMA,
                "CREATE TABLE " + PG_SCHEMA + ".orders (id INTEGER PRIMARY KEY, amount NUMERIC(10,2), placed_at TIMESTAMP)",
                "CREATE TABLE " + PG_SCHEMA + ".Customers (id BIGINT, name VARCHAR(100))",
                "CREATE VIEW " + PG_SCHEMA + ".big_orders AS SELECT id, amount FROM " + PG_SCHEMA + ".orders WHERE amount > 100");
        DataSourceFixtures.mariadb(
                "CREATE DATABASE " + MARIADB_DB,
                "CREATE TABLE " + MARIADB_DB + ".events (id BIGINT, kind VARCHAR(20), at DATETIME)");
    }

    @AfterAll
    static void dropTables() throws SQLException {
        DataSourceFixtures.postgres("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
        DataSourceFixtures.mariadb("DROP DATABASE IF EXISTS " + MARIADB_DB);
    }

    @Test
    void readsPostgresTablesViewsAndColumnsInOrder() {
        long id = create("PG schema " + unique(), "pg", pg("test"));

        List<JsonNode> tables = schema(id, false);

        assertThat(columns(table(tables, PG_SCHEMA + ".orders"))).containsExactly("id int4", "amount numeric", "placed_at timestamp");
        assertThat(columns(table(tables, PG_SCHEMA + ".customers"))).containsExactly("id int8", "name varchar");
        assertThat(columns(table(tables, PG_SCHEMA + ".big_orders"))).containsExactly("id int4", "amount numeric");
        assertThat(names(tables)).noneMatch(n -> n.startsWith("pg_catalog.") || n.startsWith("information_schema."));
        assertThat(names(tables)).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void keepsTheSchemaUntilARefreshIsAsked() throws SQLException {
        long id = create("PG cache " + unique(), "pg", pg("test"));
        String table = "added_" + unique();
        assertThat(names(schema(id, false))).doesNotContain(PG_SCHEMA + "." + table);

        DataSourceFixtures.postgres("CREATE TABLE " + PG_SCHEMA + "." + table + " (x INTEGER)");

        assertThat(names(schema(id, false))).as("cached").doesNotContain(PG_SCHEMA + "." + table);
        assertThat(names(schema(id, true))).as("refreshed").contains(PG_SCHEMA + "." + table);
    }

    @Test
    void changingTheDataSourceDropsItsCachedSchema() throws SQLException {
        long id = create("PG change " + unique(), "pg", pg("test"));
        String table = "later_" + unique();
        schema(id, false);
        DataSourceFixtures.postgres("CREATE TABLE " + PG_SCHEMA + "." + table + " (x INTEGER)");

        api().post("/api/data_sources/" + id, Map.of("name", "PG changed " + unique()));

        assertThat(names(schema(id, false))).contains(PG_SCHEMA + "." + table);
    }

    @Test
    void readsMariadbDatabasesAsSchemas() {
        long id = create("MariaDB schema " + unique(), "mysql", DataSourceFixtures.mariadb("root", "", "test"));

        List<JsonNode> tables = schema(id, false);

        assertThat(columns(table(tables, MARIADB_DB + ".events"))).containsExactly("id BIGINT", "kind VARCHAR", "at DATETIME");
        assertThat(names(tables)).noneMatch(n -> n.startsWith("mysql.") || n.startsWith("information_schema.")
                || n.startsWith("performance_schema.") || n.startsWith("sys."));
    }

    @Test
    void readsADuckdbFile() throws SQLException {
        Path file = files.resolve("shop-" + unique() + ".duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            c.createStatement().execute("CREATE TABLE items (sku VARCHAR, price DOUBLE)");
            c.createStatement().execute("CREATE SCHEMA sales");
            c.createStatement().execute("CREATE TABLE sales.orders (sku VARCHAR, qty INTEGER, day DATE)");
        }
        long id = create("Duck schema " + unique(), "duckdb", Map.of("dbpath", file.toString()));

        List<JsonNode> tables = schema(id, false);

        assertThat(names(tables)).containsExactly("main.items", "sales.orders");
        assertThat(columns(table(tables, "sales.orders"))).containsExactly("sku VARCHAR", "qty INTEGER", "day DATE");
    }

    @Test
    void readsAnH2DatabaseWithoutItsInformationSchema() throws SQLException {
        String url = "jdbc:h2:file:" + files.resolve("h2-" + unique()).toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE products (id INTEGER, title VARCHAR(50))");
        }
        long id = create("H2 schema " + unique(), "h2", Map.of("url", url));

        List<JsonNode> tables = schema(id, false);

        assertThat(names(tables)).containsExactly("PUBLIC.PRODUCTS");
        assertThat(columns(tables.get(0))).containsExactly("ID INTEGER", "TITLE CHARACTER VARYING");
    }

    @Test
    void unreachableDatabaseIsABadRequestNamingTheDataSource() {
        String name = "PG missing " + unique();
        String database = "no_such_db_" + unique();
        long id = create(name, "pg", pg(database));

        var response = api().get("/api/data_sources/" + id + "/schema");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).startsWith("Cannot read the schema of " + name + ": ")
                .contains("database \"" + database + "\" does not exist");
    }

    @Test
    void usersOfTheDataSourceMayBrowseItsSchema() {
        long id = create("PG shared schema " + unique(), "pg", pg("test"));
        long defaults = jdbc.sql("SELECT id FROM groups WHERE name = 'default'").query(Long.class).single();
        api().post("/api/groups/" + defaults + "/data_sources", Map.of("data_source_id", id)); // new ones are nobody's

        var response = api().withKey(DataSourceFixtures.nonAdminKey(jdbc)).get("/api/data_sources/" + id + "/schema");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(names(response.json().path("schema").valueStream().toList())).contains(PG_SCHEMA + ".orders");
    }

    private List<JsonNode> schema(long id, boolean refresh) {
        var response = api().get("/api/data_sources/" + id + "/schema" + (refresh ? "?refresh=true" : ""));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("schema").valueStream().toList();
    }

    private static JsonNode table(List<JsonNode> tables, String name) {
        return tables.stream().filter(t -> t.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + names(tables)));
    }

    private static List<String> names(List<JsonNode> tables) {
        return tables.stream().map(t -> t.path("name").asString()).toList();
    }

    private static List<String> columns(JsonNode table) {
        return table.path("columns").valueStream()
                .map(c -> c.path("name").asString() + " " + c.path("type").asString()).toList();
    }

    private long create(String name, String type, Map<String, Object> options) {
        var response = api().post("/api/data_sources", body(name, type, options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

}
