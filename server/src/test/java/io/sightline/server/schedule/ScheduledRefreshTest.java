package io.sightline.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled queries in embedded mode, through the HTTP API: nobody runs them, yet their latest result moves on;
 * failing ones back off, say why on the query, and keep their schedule. (The test server ticks every 200 ms
 * and accepts one-second intervals.)
 */
class ScheduledRefreshTest extends EmbeddedServerTest {

    private final String h2Url = "jdbc:h2:mem:scheduled-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Connection keepAlive;
    private long dataSource;

    @BeforeEach
    void dataSource() throws SQLException {
        keepAlive = DriverManager.getConnection(h2Url, "sa", "");
        keepAlive.createStatement().execute("CREATE SEQUENCE runs");
        dataSource = new DataSourceFixtures(api()).h2(h2Url, Map.of());
    }

    /** The queries a test scheduled: unscheduled after it, so they do not go on failing on the shared server. */
    private final List<Long> scheduled = new ArrayList<>();

    @AfterEach
    void close() throws SQLException {
        for (long id : scheduled) {
            Map<String, Object> unscheduled = new HashMap<>();
            unscheduled.put("schedule", null);
            Api.Response answer = api().post("/api/queries/" + id, unscheduled);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
        keepAlive.createStatement().execute("SHUTDOWN");
    }

    @Test
    void scheduledQueryIsRefreshedWithoutAnyoneRunningIt() {
        long id = createQuery("SELECT NEXT VALUE FOR runs AS run", redashSchedule(1));

        JsonNode first = await(id, q -> !q.path("latest_query_data_id").isNull(), "a first scheduled run");
        long firstResult = first.path("latest_query_data_id").asLong();
        JsonNode second = await(id, q -> q.path("latest_query_data_id").asLong() != firstResult, "a second run");

        long latest = second.path("latest_query_data_id").asLong();
        JsonNode result = api().get("/api/queries/" + id + "/results.json").json().path("query_result");
        assertThat(result.path("id").asLong()).as("what a dashboard shows is the newest refresh").isEqualTo(latest);
        assertThat(result.path("data").path("rows").get(0).path("RUN").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(second.path("schedule_failures").asInt()).isZero();
        assertThat(second.path("schedule_last_error").isNull()).isTrue();
    }

    @Test
    void scheduledRunUsesTheParametersDefaultValues() {
        long id = createQuery("SELECT {{ n }} * 6 AS answer", redashSchedule(1),
                Map.of("parameters", List.of(Map.of("name", "n", "title", "n", "type", "number", "value", 7))));

        await(id, q -> !q.path("latest_query_data_id").isNull(), "a scheduled run");

        JsonNode result = api().get("/api/queries/" + id + "/results.json").json().path("query_result");
        assertThat(result.path("data").path("rows").get(0).path("ANSWER").asInt()).isEqualTo(42);
    }

    @Test
    void failingScheduleBacksOffShowsItsErrorAndStaysOn() throws SQLException {
        Map<String, Object> schedule = redashSchedule(1);
        long id = createQuery("SELECT total FROM late_table", schedule);

        JsonNode once = await(id, q -> q.path("schedule_failures").asInt() >= 1, "a first failure");
        long firstFailure = System.nanoTime();
        assertThat(once.path("schedule_last_error").asString()).contains("LATE_TABLE");
        JsonNode twice = await(id, q -> q.path("schedule_failures").asInt() >= 2, "a second failure");
        Duration between = Duration.ofNanos(System.nanoTime() - firstFailure);

        assertThat(between).as("after one failure the next try waits two intervals, not one")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(twice.path("schedule_failures").asInt()).isEqualTo(2);
        assertThat(twice.path("schedule_last_error").asString()).contains("LATE_TABLE");
        assertThat(Api.JSON.convertValue(twice.path("schedule"), Map.class)).as("never silently disabled")
                .isEqualTo(schedule);

        keepAlive.createStatement().execute("CREATE TABLE late_table AS SELECT 42 AS total");
        JsonNode recovered = await(id, q -> q.path("schedule_failures").asInt() == 0, "a successful run");
        assertThat(recovered.path("schedule_last_error").isNull()).isTrue();
        assertThat(recovered.path("latest_query_data_id").isNull()).isFalse();
    }

    @Test
    void disabledOrExpiredSchedulesDoNotRun() throws InterruptedException {
        Map<String, Object> disabled = redashSchedule(1);
        disabled.put("disabled", true);
        long off = createQuery("SELECT NEXT VALUE FOR runs AS run", disabled);
        Map<String, Object> expired = redashSchedule(1);
        expired.put("until", "2020-01-01");
        long over = createQuery("SELECT NEXT VALUE FOR runs AS run", expired);

        Thread.sleep(2_500); // more than two intervals and many ticks
        assertThat(api().get("/api/queries/" + off).json().path("latest_query_data_id").isNull()).isTrue();
        assertThat(api().get("/api/queries/" + over).json().path("latest_query_data_id").isNull()).isTrue();
    }

    @Test
    void acceptsWhatRedashClientsSendAndReturnsItAsSent() {
        Map<String, Object> weekly = new HashMap<>(Map.of("interval", 604800, "time", "09:30",
                "day_of_week", "Monday", "until", "2027-01-01"));
        Map<String, Object> never = new HashMap<>();
        never.put("interval", null);
        never.put("time", null);
        never.put("day_of_week", null);
        never.put("until", null);
        for (Map<String, Object> schedule : new Map[] {weekly, never, redashSchedule(3600)}) {
            long id = createQuery("SELECT 1", schedule);
            JsonNode saved = api().get("/api/queries/" + id).json();
            assertThat(Api.JSON.convertValue(saved.path("schedule"), Map.class)).isEqualTo(schedule);
        }
    }

    /** The shape Redash's web client saves. */
    private static Map<String, Object> redashSchedule(int interval) {
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("interval", interval);
        schedule.put("time", null);
        schedule.put("day_of_week", null);
        schedule.put("until", null);
        return schedule;
    }

    private long createQuery(String sql, Map<String, Object> schedule) {
        return createQuery(sql, schedule, Map.of());
    }

    private long createQuery(String sql, Map<String, Object> schedule, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(Map.of("data_source_id", dataSource, "name", "scheduled " + sql,
                "query", sql, "options", options));
        body.put("schedule", schedule);
        Api.Response created = api().post("/api/queries", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        scheduled.add(id);
        return id;
    }

    private JsonNode await(long id, Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode query = null;
        while (System.nanoTime() < deadline) {
            query = api().get("/api/queries/" + id).json();
            if (condition.test(query)) {
                return query;
            }
            sleep(50);
        }
        throw new AssertionError("No " + what + " of query " + id + " within 20 s: " + query);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
