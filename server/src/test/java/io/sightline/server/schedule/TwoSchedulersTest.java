package io.sightline.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.OwnRedisKeys;
import io.sightline.server.support.ServerProcess;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * Two scheduler instances on one PostgreSQL metadata database (a database of its own) and one Redis (a key
 * prefix of its own): a server of role {@code all} (API, workers, scheduler) and a second process of role
 * {@code scheduler}, both ticking every 100 ms. A scheduled query still runs once per interval, not twice.
 */
class TwoSchedulersTest {

    private static final String DATABASE = "sightline_it_schedulers";
    private static final String PREFIX = OwnRedisKeys.newPrefix("sightline-it-sched-");
    private static final String ADMIN_KEY = "it-schedulers-admin-key-0123456789";
    private static final String SEQUENCE = "sightline_it_runs_" + UUID.randomUUID().toString().replace("-", "");

    private static ConfigurableApplicationContext all;
    private static ConfigurableApplicationContext scheduler;

    @BeforeAll
    static void start() throws Exception {
        ServerProcess.freshDatabase(DATABASE);
        try (var connection = testDatabase(); var statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE " + SEQUENCE);
        }
        all = server("all");
        scheduler = server("scheduler");
    }

    private static ConfigurableApplicationContext server(String role) {
        return ServerProcess.of(role, DATABASE, ADMIN_KEY).redis(PREFIX)
                .with("sightline.execution.answer-within", "0s")
                .with("sightline.scheduler.tick", "100ms")
                .with("sightline.scheduler.min-interval", "1s")
                .with("management.prometheus.metrics.export.enabled", "true")
                .start();
    }

    @AfterAll
    static void stop() throws SQLException {
        ServerProcess.close(all, scheduler);
        OwnRedisKeys.delete(PREFIX);
        try (var connection = testDatabase(); var statement = connection.createStatement()) {
            statement.execute("DROP SEQUENCE IF EXISTS " + SEQUENCE);
        }
    }

    @Test
    void scheduledQueryRunsOncePerIntervalNotOncePerScheduler() throws Exception {
        Api api = api(all);
        long dataSource = new DataSourceFixtures(api).postgres(Map.of());
        long id = createQuery(api, dataSource, "SELECT nextval('" + SEQUENCE + "') AS run", schedule(1, false));

        awaitLatestResult(api, id);
        long firstRuns = runs();
        long start = System.nanoTime();
        Thread.sleep(6_000);
        long runs = runs() - firstRuns;
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(runs).as("%d runs in %.1f s of a one-second schedule with two schedulers", runs, seconds)
                .isBetween(3L, (long) seconds + 2);
        JsonNode result = api.get("/api/queries/" + id + "/results.json").json().path("query_result");
        assertThat(result.path("data").path("rows").get(0).path("run").asLong())
                .as("the newest run is the one dashboards see").isGreaterThanOrEqualTo(firstRuns + runs - 1);
        assertThat(entriesAdded("queue:scheduled")).as("refreshes go to the scheduled queue").isGreaterThanOrEqualTo(runs);
        assertThat(entriesAdded("queue:adhoc")).as("not to the analysts' queue").isZero();
        assertThat(api.get("/actuator/prometheus").body()).as("counted where the worker ran them")
                .containsPattern("sightline_scheduled_runs_total\\{[^}]*outcome=\"finished\"[^}]*} [1-9]");
    }

    @Test
    void ofTwoSchedulersClaimingTheSameSlotExactlyOneWins() throws Exception {
        Api api = api(all);
        long dataSource = new DataSourceFixtures(api).postgres(Map.of());
        // disabled: the ticking schedulers leave the row alone while the two repositories race for it
        long id = createQuery(api, dataSource, "SELECT 1", schedule(3600, true));
        ScheduleRepository first = all.getBean(ScheduleRepository.class);
        ScheduleRepository second = scheduler.getBean(ScheduleRepository.class);
        ScheduleState state = awaitState(first, id);

        List<Integer> winners = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            ScheduleState seen = first.find(id).orElseThrow();
            var barrier = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> claim(barrier, first, seen, "a"));
            var b = CompletableFuture.supplyAsync(() -> claim(barrier, second, seen, "b"));
            winners.add((a.get() ? 1 : 0) + (b.get() ? 1 : 0));
        }

        assertThat(winners).as("winners per round").containsOnly(1);
        assertThat(first.find(id).orElseThrow().generation()).isEqualTo(state.generation() + 20);
    }

    @Test
    void schedulerProcessServesNoApi() {
        Api.Response response = api(scheduler).get("/api/queries");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).contains("scheduler process");
        assertThat(api(scheduler).get("/actuator/health").status()).isEqualTo(200);
    }

    private static boolean claim(CyclicBarrier barrier, ScheduleRepository repository, ScheduleState seen, String who) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return repository.claim(seen.queryId(), seen.generation(), seen.nextRunAt().plusSeconds(1),
                seen.nextRunAt(), "job-" + who + "-" + UUID.randomUUID(), who);
    }

    private static ScheduleState awaitState(ScheduleRepository repository, long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var state = repository.find(id);
            if (state.isPresent() && state.get().schedule().contains("true")) {
                return state.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The schedulers never noted the schedule of query " + id);
    }

    private static void awaitLatestResult(Api api, long id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (!api.get("/api/queries/" + id).json().path("latest_query_data_id").isNull()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Query " + id + " was never refreshed: " + api.get("/api/queries/" + id));
    }

    private static long runs() throws SQLException {
        try (var connection = testDatabase(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT last_value FROM " + SEQUENCE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Entries ever added to a stream of this test's prefix (acknowledged ones are deleted, so XLEN says little). */
    private static long entriesAdded(String stream) {
        try (Jedis jedis = OwnRedisKeys.connect()) {
            if (!jedis.exists(PREFIX + stream)) {
                return 0;
            }
            return ((Number) jedis.xinfoStream(PREFIX + stream).getStreamInfo().get("entries-added")).longValue();
        }
    }

    private static Map<String, Object> schedule(int interval, boolean disabled) {
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("interval", interval);
        schedule.put("time", null);
        schedule.put("day_of_week", null);
        schedule.put("until", null);
        schedule.put("disabled", disabled);
        return schedule;
    }

    private static long createQuery(Api api, long dataSource, String sql, Map<String, Object> schedule) {
        Api.Response created = api.post("/api/queries", Map.of("data_source_id", dataSource, "name",
                "scheduled " + UUID.randomUUID(), "query", sql, "schedule", schedule));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return ServerProcess.api(context, ADMIN_KEY);
    }

    private static java.sql.Connection testDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

}
