package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.OwnRedisKeys;
import io.sightline.server.support.ServerProcess;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production mode: an {@code api} process and a {@code worker} process sharing PostgreSQL (a database of its own)
 * and Redis (a key prefix of its own). A run requested from the api is evaluated by the worker that ran it, and
 * notifications written by the api (an eval) are delivered by the worker: the api process delivers nothing.
 */
class AlertsAcrossRolesTest {

    private static final String DATABASE = "sightline_it_alerts_roles";
    private static final String PREFIX = OwnRedisKeys.newPrefix("sightline-it-alerts-");
    private static final String ADMIN_KEY = "it-alerts-roles-admin-key-0123456789";

    private static ConfigurableApplicationContext apiProcess;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() throws Exception {
        ServerProcess.freshDatabase(DATABASE);
        apiProcess = server("api");
        worker = server("worker");
    }

    private static ConfigurableApplicationContext server(String role) {
        return ServerProcess.of(role, DATABASE, ADMIN_KEY).redis(PREFIX)
                .with("sightline.alerts.delivery-tick", "100ms").start();
    }

    @AfterAll
    static void stop() throws Exception {
        ServerProcess.close(apiProcess, worker);
        OwnRedisKeys.delete(PREFIX);
        ServerProcess.dropDatabase(DATABASE);
    }

    @Test
    void theWorkerThatRanTheQueryEvaluatesAndTheWorkerDelivers() throws Exception {
        Api api = ServerProcess.api(apiProcess, ADMIN_KEY);
        try (Receiver receiver = new Receiver()) {
            long dataSource = new DataSourceFixtures(api).postgres(Map.of());
            long query = api.post("/api/queries", Map.of("data_source_id", dataSource, "name", "fifty",
                    "query", "SELECT 50 AS n, '" + UUID.randomUUID() + "' AS tag")).json().path("id").asLong();
            long webhook = api.post("/api/destinations", Map.of("name", "roles hook", "type", "webhook",
                    "options", Map.of("url", receiver.url("/hook")))).json().path("id").asLong();
            long onRun = alert(api, query, webhook, "over ten");

            new Runs(api).resultOf(api.post("/api/queries/" + query + "/results", Map.of("max_age", 0)));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/hook").size() == 1);
            assertThat(api.get("/api/alerts/" + onRun).json().path("state").asString()).isEqualTo("triggered");

            long onEval = alert(api, query, webhook, "evaluated by hand");
            var evaluated = api.post("/api/alerts/" + onEval + "/eval", Map.of());
            assertThat(evaluated.json().path("state").asString()).as(evaluated.toString()).isEqualTo("triggered");
            await("written by the api process, delivered by the worker").atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.at("/hook").size() == 2);
            assertThat(apiProcess.getBeanProvider(AlertDelivery.class).getIfAvailable())
                    .as("an api process delivers nothing").isNull();
        }
    }

    private static long alert(Api api, long query, long webhook, String name) {
        long alert = api.post("/api/alerts", Map.of("name", name, "query_id", query,
                "options", Map.of("column", "n", "op", ">", "value", 10))).json().path("id").asLong();
        assertThat(api.post("/api/alerts/" + alert + "/subscriptions", Map.of("destination_id", webhook)).status())
                .isEqualTo(200);
        var byEmail = api.post("/api/alerts/" + alert + "/subscriptions", Map.of());
        assertThat(byEmail.status()).as("these servers have no mail server of their own").isEqualTo(400);
        assertThat(byEmail.message()).contains("SIGHTLINE_MAIL_HOST");
        return alert;
    }
}
