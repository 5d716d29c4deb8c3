package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/**
 * On the embedded H2 store, two claimers racing for the same outbox row: exactly one gets it, every time. (On
 * PostgreSQL: TwoDeliveringProcessesTest.) The rows are due an hour ahead, so the server's own delivery loop leaves
 * them alone.
 */
class OutboxClaimTest extends EmbeddedServerTest {

    private final OutboxRepository outbox;

    OutboxClaimTest(ApplicationContext context) {
        this.outbox = context.getBean(OutboxRepository.class);
    }

    @Test
    void ofTwoClaimersExactlyOneGetsTheRow() throws Exception {
        long dataSource = api().get("/api/data_sources").json().valueStream()
                .filter(ds -> ds.path("name").asString().equals("Demo sales")).findFirst().orElseThrow()
                .path("id").asLong();
        long query = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "claims",
                "query", "SELECT 1 AS n")).json().path("id").asLong();
        long alert = api().post("/api/alerts", Map.of("name", "claims", "query_id", query,
                "options", Map.of("column", "n", "op", ">", "value", 5))).json().path("id").asLong();
        long destination = api().post("/api/destinations", Map.of("name", "claims " + UUID.randomUUID(),
                "type", "slack", "options", Map.of("url", "http://127.0.0.1:9/x"))).json().path("id").asLong();
        long subscription = api().post("/api/alerts/" + alert + "/subscriptions", Map.of("destination_id", destination))
                .json().path("id").asLong();
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
        OffsetDateTime claimTime = later.plusMinutes(1);

        for (int round = 0; round < 20; round++) {
            outbox.insert(alert, subscription, "slack", "triggered", "{}", later);
            long id = outbox.due(claimTime, 1_000).stream().mapToLong(Long::longValue).max().orElseThrow();
            var barrier = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> claim(barrier, id, "a", claimTime));
            var b = CompletableFuture.supplyAsync(() -> claim(barrier, id, "b", claimTime));
            assertThat(a.get() ^ b.get()).as("round %d: exactly one claimer", round).isTrue();
            outbox.delivered(id, a.get() ? "a" : "b", claimTime);
        }
    }

    private boolean claim(CyclicBarrier barrier, long id, String worker, OffsetDateTime now) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return outbox.claim(id, worker, now, now.plusMinutes(2)).isPresent();
    }
}
