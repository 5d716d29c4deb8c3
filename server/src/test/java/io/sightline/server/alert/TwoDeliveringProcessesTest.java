package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.ServerProcess;
import io.sightline.server.support.Runs;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two delivering processes (role {@code all}) on one PostgreSQL metadata database of their own, against one slow
 * webhook: both take notifications from the outbox, and none is delivered twice.
 */
class TwoDeliveringProcessesTest {

    private static final String DATABASE = "sightline_it_alerts_delivery";
    private static final String ADMIN_KEY = "it-alerts-delivery-admin-key-0123456789";
    private static final int ALERTS = 24;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        ServerProcess.freshDatabase(DATABASE);
        first = server();
        second = server();
    }

    private static ConfigurableApplicationContext server() {
        return ServerProcess.of("all", DATABASE, ADMIN_KEY).with("sightline.alerts.delivery-tick", "100ms").start();
    }

    @AfterAll
    static void stop() throws Exception {
        ServerProcess.close(first, second);
        ServerProcess.dropDatabase(DATABASE);
    }

    @Test
    void twoProcessesShareTheOutboxAndNeverDeliverTheSameNotificationTwice() throws Exception {
        Api api = ServerProcess.api(first, ADMIN_KEY);
        try (Receiver receiver = new Receiver()) {
            receiver.delay(150);
            long dataSource = new DataSourceFixtures(api).postgres(Map.of());
            long query = api.post("/api/queries", Map.of("data_source_id", dataSource, "name", "always one",
                    "query", "SELECT 1 AS n, '" + UUID.randomUUID() + "' AS tag")).json().path("id").asLong();
            long webhook = api.post("/api/destinations", Map.of("name", "slow hook", "type", "webhook",
                    "options", Map.of("url", receiver.url("/hook")))).json().path("id").asLong();
            for (int i = 0; i < ALERTS; i++) {
                long alert = api.post("/api/alerts", Map.of("name", "alert " + i, "query_id", query,
                        "options", Map.of("column", "n", "op", "==", "value", 1))).json().path("id").asLong();
                assertThat(api.post("/api/alerts/" + alert + "/subscriptions", Map.of("destination_id", webhook))
                        .status()).isEqualTo(200);
            }

            new Runs(api).resultOf(api.post("/api/queries/" + query + "/results", Map.of("max_age", 0)));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/hook").size() >= ALERTS);
            Thread.sleep(1_000);
            Map<String, Long> perDelivery = receiver.at("/hook").stream().collect(Collectors.groupingBy(
                    post -> post.headers().get("X-Sightline-Delivery"), Collectors.counting()));
            assertThat(perDelivery).hasSize(ALERTS);
            assertThat(perDelivery.values()).as("each notification once").allMatch(count -> count == 1);
            try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                    "postgres", ""); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT worker, count(*) FROM alert_delivery_attempts GROUP BY worker")) {
                Map<String, Long> perWorker = new HashMap<>();
                while (rows.next()) {
                    perWorker.put(rows.getString(1), rows.getLong(2));
                }
                assertThat(perWorker).as("both processes delivered: %s", perWorker).hasSize(2);
                assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ALERTS);
            }
        }
    }
}
