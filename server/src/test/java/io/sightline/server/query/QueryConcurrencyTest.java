package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

class QueryConcurrencyTest extends QueryTestBase {

    @RepeatedTest(5)
    void ofTwoUpdatesOfTheSameVersionExactlyOneWins() throws Exception {
        long id = createQuery("SELECT 0").path("id").asLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(() -> save(start, id, "SELECT 1"));
            var second = threads.submit(() -> save(start, id, "SELECT 2"));
            start.countDown();
            List<Api.Response> responses = List.of(first.get(), second.get());

            assertThat(responses).extracting(Api.Response::status).as(responses.toString())
                    .containsExactlyInAnyOrder(200, 409);
            Api.Response winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            Api.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.message()).startsWith("Query " + id + " was changed by Admin at ")
                    .endsWith("(version 2); reload it or overwrite");

            JsonNode query = api().get("/api/queries/" + id).json();
            assertThat(query.path("version").asLong()).isEqualTo(2);
            assertThat(query.path("query").asString()).isEqualTo(winner.json().path("query").asString());
            JsonNode history = api().get("/api/queries/" + id + "/versions").json();
            assertThat(history.values()).extracting(v -> v.path("version").asLong()).containsExactly(2L, 1L);
            assertThat(history.get(0).path("query").asString()).isEqualTo(query.path("query").asString());
        } finally {
            threads.shutdownNow();
        }
    }

    private Api.Response save(CountDownLatch start, long id, String sql) throws InterruptedException {
        start.await();
        return api().post("/api/queries/" + id, body("query", sql, "version", 1));
    }
}
