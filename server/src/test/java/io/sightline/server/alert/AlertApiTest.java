package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Alerts through the HTTP API, embedded: Redash's shapes, validation, who may see and change them, and their state
 * after every run of their query (notifications: {@code AlertDeliveryTest}).
 */
class AlertApiTest extends EmbeddedServerTest {

    private final String h2Url = "jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    private Connection keepAlive;
    private long dataSource;
    private long queryId;

    @BeforeEach
    void query() throws SQLException {
        keepAlive = DriverManager.getConnection(h2Url, "sa", "");
        keepAlive.createStatement().execute("CREATE TABLE metric (v INT)");
        keepAlive.createStatement().execute("INSERT INTO metric VALUES (5)");
        dataSource = new AccessFixtures(api()).privateDataSource(h2Url);
        var query = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "failed orders",
                "query", "SELECT v AS failed FROM metric"));
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        queryId = query.json().path("id").asLong();
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.createStatement().execute("SHUTDOWN");
    }

    @Test
    void createsReadsUpdatesAndDeletesAnAlertInRedashsShape() {
        JsonNode alert = created(api(), Map.of("column", "failed", "op", "greater than", "value", 10));

        assertThat(alert.path("name").asString()).isEqualTo("too many failed orders");
        assertThat(alert.path("state").asString()).isEqualTo("unknown");
        assertThat(alert.path("last_triggered_at").isNull()).isTrue();
        assertThat(alert.path("rearm").isNull()).isTrue();
        assertThat(alert.path("options").path("op").asString()).as("Redash's older operator kept as written")
                .isEqualTo("greater than");
        assertThat(alert.path("options").path("selector").asString()).isEqualTo("first");
        assertThat(alert.path("options").path("muted").asBoolean()).isFalse();
        assertThat(alert.path("query").path("id").asLong()).as("the whole query").isEqualTo(queryId);
        assertThat(alert.path("query").path("query").asString()).isEqualTo("SELECT v AS failed FROM metric");
        assertThat(alert.path("user").path("email").asString()).isNotBlank();
        assertThat(alert.has("created_at") && alert.has("updated_at")).isTrue();
        long id = alert.path("id").asLong();

        assertThat(api().get("/api/alerts").json().valueStream().map(a -> a.path("id").asLong())).contains(id);
        var updated = api().post("/api/alerts/" + id, Map.of("name", "renamed", "rearm", 60));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("renamed");
        assertThat(updated.json().path("rearm").asInt()).isEqualTo(60);
        assertThat(updated.json().path("options").path("column").asString()).as("options not sent stay")
                .isEqualTo("failed");

        assertThat(api().delete("/api/alerts/" + id).status()).isEqualTo(200);
        assertThat(api().get("/api/alerts/" + id).status()).isEqualTo(404);
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertRefused(Map.of("query_id", queryId, "options", options(">", 1)), "'name'");
        assertRefused(Map.of("name", "x", "options", options(">", 1)), "'query_id'");
        assertRefused(Map.of("name", "x", "query_id", queryId), "'options'");
        assertRefused(Map.of("name", "x", "query_id", queryId, "options", options("bigger", 1)), "'options.op'");
        assertRefused(Map.of("name", "x", "query_id", queryId, "options", Map.of("op", ">", "value", 1)),
                "'options.column'");
        var selector = new HashMap<>(options(">", 1));
        selector.put("selector", "avg");
        assertRefused(Map.of("name", "x", "query_id", queryId, "options", selector), "'options.selector'");
        assertRefused(Map.of("name", "x", "query_id", queryId, "options", options(">", 1), "rearm", -5), "'rearm'");
        assertRefused(Map.of("name", "x", "query_id", "seven", "options", options(">", 1)), "'query_id'");
        var unknownQuery = api().post("/api/alerts", Map.of("name", "x", "query_id", 987654321, "options", options(">", 1)));
        assertThat(unknownQuery.status()).isEqualTo(404);
        assertThat(unknownQuery.message()).contains("query_id");
    }

    @Test
    void stateFollowsEveryRunOfTheQuery() throws SQLException {
        long id = created(api(), options(">", 10)).path("id").asLong();

        run();
        assertThat(state(id)).as("5 > 10 does not hold").isEqualTo("ok");

        set(50);
        run();
        JsonNode triggered = api().get("/api/alerts/" + id).json();
        assertThat(triggered.path("state").asString()).isEqualTo("triggered");
        assertThat(triggered.path("last_triggered_at").isNull()).isFalse();

        set(3);
        run();
        assertThat(state(id)).isEqualTo("ok");
    }

    @Test
    void evalEvaluatesAgainstTheLatestResultAndMutedAlertsStillChangeState() throws SQLException {
        set(42);
        run();
        long id = created(api(), options("==", 42)).path("id").asLong();
        assertThat(state(id)).as("not evaluated until a run or eval").isEqualTo("unknown");

        var muted = api().post("/api/alerts/" + id + "/mute", Map.of());
        assertThat(muted.status()).isEqualTo(200);
        assertThat(api().get("/api/alerts/" + id).json().path("options").path("muted").asBoolean()).isTrue();

        var evaluated = api().post("/api/alerts/" + id + "/eval", Map.of());
        assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
        assertThat(evaluated.json().path("state").asString()).isEqualTo("triggered");

        assertThat(api().delete("/api/alerts/" + id + "/mute").status()).isEqualTo(200);
        assertThat(api().get("/api/alerts/" + id).json().path("options").path("muted").asBoolean()).isFalse();
    }

    @Test
    void minAndMaxSelectorsAndTextValues() throws SQLException {
        keepAlive.createStatement().execute("INSERT INTO metric VALUES (80), (1)");
        var max = new HashMap<>(options(">", 70));
        max.put("selector", "max");
        var min = new HashMap<>(options("<", 2));
        min.put("selector", "min");
        long maxId = created(api(), max).path("id").asLong();
        long minId = created(api(), min).path("id").asLong();
        long textId = created(api(), Map.of("column", "failed", "op", "==", "value", "5")).path("id").asLong();
        long missingColumn = created(api(), Map.of("column", "nope", "op", ">", "value", 1)).path("id").asLong();

        run();

        assertThat(state(maxId)).isEqualTo("triggered");
        assertThat(state(minId)).isEqualTo("triggered");
        assertThat(state(textId)).as("the first row's 5 equals the text 5, as Redash compares").isEqualTo("triggered");
        assertThat(state(missingColumn)).isEqualTo("unknown");
    }

    @Test
    void onlyUsersWhoReachTheDataSourceSeeOrCreateItsAlerts() {
        var fixtures = new AccessFixtures(api());
        var outsider = fixtures.user("alert-outsider");
        var viewer = fixtures.user("alert-viewer");
        fixtures.grant(viewer, dataSource, true);
        long id = created(api(), options(">", 10)).path("id").asLong();

        assertThat(outsider.api().get("/api/alerts/" + id).status()).isEqualTo(404);
        assertThat(outsider.api().get("/api/alerts").json().valueStream().map(a -> a.path("id").asLong()))
                .doesNotContain(id);
        var refused = outsider.api().post("/api/alerts", Map.of("name", "peek", "query_id", queryId,
                "options", options(">", 1)));
        assertThat(refused.status()).as("as if the query did not exist").isEqualTo(404);
        assertThat(outsider.api().post("/api/alerts/" + id + "/eval", Map.of()).status()).isEqualTo(404);
        assertThat(outsider.api().delete("/api/alerts/" + id).status()).isEqualTo(404);

        assertThat(viewer.api().get("/api/alerts/" + id).status()).isEqualTo(200);
        assertThat(viewer.api().post("/api/alerts/" + id, Map.of("name", "not mine")).status())
                .as("seen but not theirs").isEqualTo(403);
        assertThat(created(viewer.api(), options("<", 0)).path("user").path("id").asLong()).isEqualTo(viewer.id());
    }

    private JsonNode created(Api as, Map<String, ?> options) {
        var response = as.post("/api/alerts", Map.of("name", "too many failed orders", "query_id", queryId,
                "options", options));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void assertRefused(Map<String, ?> body, String field) {
        var response = api().post("/api/alerts", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains(field);
    }

    private static Map<String, Object> options(String op, Object value) {
        return Map.of("column", "failed", "op", op, "value", value);
    }

    private void set(int value) throws SQLException {
        keepAlive.createStatement().execute("UPDATE metric SET v = " + value);
    }

    private void run() {
        new Runs(api()).resultOf(api().post("/api/queries/" + queryId + "/results", Map.of("max_age", 0)));
    }

    private String state(long id) {
        return api().get("/api/alerts/" + id).json().path("state").asString();
    }
}
