package io.sightline.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A schedule refreshes its query only while the owner is enabled and has full access to the data source: once not,
 * the schedule is switched off with the reason on the query, and nothing more runs. (The test server ticks every
 * 200 ms and accepts one-second intervals.)
 */
class ScheduleOwnerAccessTest extends EmbeddedServerTest {

    private AccessFixtures fixtures;
    private long dataSource;
    private Member owner;
    private long ownerGroup;

    @BeforeEach
    void ownerWithFullAccess() {
        fixtures = new AccessFixtures(api());
        dataSource = fixtures.privateDataSource();
        owner = fixtures.user("Owner");
        ownerGroup = fixtures.grant(owner, dataSource, false);
    }

    @Test
    void stopsTheScheduleWhenTheOwnerLosesFullAccess() throws InterruptedException {
        long id = scheduledQuery();
        JsonNode ran = await(id, q -> !q.path("latest_query_data_id").isNull(), "a first scheduled run");

        fixtures.setViewOnly(ownerGroup, dataSource, true);

        JsonNode stopped = await(id, q -> q.path("schedule").path("disabled").asBoolean(), "the schedule stopped");
        assertThat(stopped.path("schedule_last_error").asString()).contains("stopped").contains("Owner")
                .contains("does not have full access").contains(fixtures.dataSourceName(dataSource));
        assertThat(stopped.path("schedule").path("interval").asInt()).as("the schedule itself is kept").isEqualTo(1);
        assertNothingRunsAnyMore(id, stopped);
        assertThat(ran.path("schedule").path("disabled").asBoolean()).isFalse();
    }

    @Test
    void stopsTheScheduleWhenTheOwnerIsDisabled() throws InterruptedException {
        long id = scheduledQuery();
        await(id, q -> !q.path("latest_query_data_id").isNull(), "a first scheduled run");

        assertThat(api().post("/api/users/" + owner.id() + "/disable", Map.of()).status()).isEqualTo(200);

        JsonNode stopped = await(id, q -> q.path("schedule").path("disabled").asBoolean(), "the schedule stopped");
        assertThat(stopped.path("schedule_last_error").asString()).contains("stopped").contains("disabled");
        assertNothingRunsAnyMore(id, stopped);
    }

    @Test
    void runsAgainOnceSwitchedOnByAnOwnerWithFullAccess() {
        long id = scheduledQuery();
        fixtures.setViewOnly(ownerGroup, dataSource, true);
        await(id, q -> q.path("schedule").path("disabled").asBoolean(), "the schedule stopped");

        fixtures.setViewOnly(ownerGroup, dataSource, false);
        var switchedOn = owner.api().post("/api/queries/" + id, Map.of("schedule", schedule()));
        assertThat(switchedOn.status()).as(switchedOn.toString()).isEqualTo(200);
        JsonNode ran = await(id, q -> !q.path("latest_query_data_id").isNull()
                && q.path("schedule_last_error").isNull(), "a run after switching on");
        assertThat(ran.path("schedule").path("disabled").asBoolean()).isFalse();
    }

    private void assertNothingRunsAnyMore(long id, JsonNode stopped) throws InterruptedException {
        Thread.sleep(2_500); // more than two intervals and many ticks
        JsonNode later = api().get("/api/queries/" + id).json();
        assertThat(later.path("latest_query_data_id").asLong()).as("no run after the stop")
                .isEqualTo(stopped.path("latest_query_data_id").asLong());
        assertThat(later.path("schedule").path("disabled").asBoolean()).isTrue();
    }

    private long scheduledQuery() {
        Map<String, Object> body = new HashMap<>(Map.of("data_source_id", dataSource,
                "name", AccessFixtures.unique("scheduled"), "query", "SELECT CURRENT_TIMESTAMP AS now"));
        body.put("schedule", schedule());
        var created = owner.api().post("/api/queries", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static Map<String, Object> schedule() {
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("interval", 1);
        schedule.put("time", null);
        schedule.put("day_of_week", null);
        schedule.put("until", null);
        return schedule;
    }

    private JsonNode await(long id, Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode query = null;
        while (System.nanoTime() < deadline) {
            query = api().get("/api/queries/" + id).json();
            if (condition.test(query)) {
                return query;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No " + what + " of query " + id + " within 20 s: " + query);
    }
}
