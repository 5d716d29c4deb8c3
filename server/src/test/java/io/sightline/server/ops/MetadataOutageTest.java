package io.sightline.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.OwnPostgres;
import io.sightline.server.support.Prometheus;
import io.sightline.server.support.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The metadata store (PostgreSQL) stopped and started again under a running server: readiness and the API say so
 * within 2 s (503, a problem detail, {@code Retry-After}), liveness stays up, the outage is counted, and everything
 * comes back by itself with nothing lost. The PostgreSQL is a cluster of the test's own ({@link OwnPostgres});
 * the shared one on 5432 is never stopped. Subclasses choose the queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class MetadataOutageTest {

    static final String ADMIN_KEY = "it-metadata-outage-admin-key-0123456789";
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OwnPostgres postgres;

    @LocalServerPort
    private int port;

    static void metadataOnOwnPostgres(DynamicPropertyRegistry registry, String name) {
        registry.add("sightline.database-url", () -> {
            postgres = OwnPostgres.create("sightline-" + name + "-pg-");
            postgres.start();
            postgres.createDatabase("sightline");
            return postgres.url("sightline");
        });
        registry.add("sightline.data-dir", () -> tempDir("sightline-" + name + "-").toString());
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.role", () -> "all");
        registry.add("sightline.demo-data", () -> "never");
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        // one worker thread, answered with the job at once: a second run waits in the queue behind a long one
        registry.add("sightline.execution.worker-threads", () -> "1");
        registry.add("sightline.execution.answer-within", () -> "0s");
    }

    @AfterAll
    static void removeOwnPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void outageIsReportedWithinTwoSecondsAndEverythingComesBackWithNothingLost() throws Exception {
        Api api = new Api(port, ADMIN_KEY);
        Runs runs = new Runs(api);
        Prometheus prometheus = new Prometheus(port);
        long dataSource = new DataSourceFixtures(api).postgres(Map.of());
        JsonNode stored = runs.result(dataSource, "SELECT 42 AS answer");
        long savedQuery = api.post("/api/queries", Map.of("name", "kept across the outage", "query", "SELECT 42 AS answer",
                "data_source_id", dataSource)).json().path("id").asLong();
        long dashboard = api.post("/api/dashboards", Map.of("name", "kept across the outage")).json().path("id").asLong();
        JsonNode countsBefore = api.get("/status.json").json().path("counts");
        await().atMost(Duration.ofSeconds(5)).until(() -> prometheus.value("sightline_metadata_store_up") == 1);
        assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // a run in progress when the store goes away, and one waiting behind it in the queue
        long longRunSubmitted = System.nanoTime();
        String inProgress = runs.submit(dataSource, "SELECT 1 AS in_progress, pg_sleep(4)").path("id").asString();
        String queued = runs.submit(dataSource, "SELECT 7 AS queued_during_outage").path("id").asString();
        // pooled connections idle longer than Hikari's 500 ms bypass window are checked before use: the first
        // request below then waits on the pool (its connection timeout), the slowest case
        Thread.sleep(1_000);
        long stopped = System.nanoTime();
        postgres.stop();
        CompletableFuture<Long> readinessDown = CompletableFuture.supplyAsync(() -> {
            while (probe("/actuator/health/readiness").statusCode() != 503 && millisSince(stopped) < 60_000) {
                pause(20);
            }
            return millisSince(stopped);
        });

        // sent before the probe noticed: it may wait for a connection up to the pool's connection timeout
        long firstStarted = System.nanoTime();
        HttpResponse<String> first = get("/api/queries/" + savedQuery);
        long firstMillis = millisSince(firstStarted);
        figure("first API answer (GET /api/queries/{id}): " + first.statusCode() + " after " + firstMillis + " ms");
        long readinessMillis = readinessDown.get();
        figure("readiness 503 " + readinessMillis + " ms after the stop");
        assertOutageAnswer(first);
        assertThat(Duration.ofMillis(firstMillis)).as("the first request during the outage").isLessThan(TWO_SECONDS);
        assertThat(Duration.ofMillis(readinessMillis)).as("readiness flips").isLessThan(TWO_SECONDS);

        long slowest = 0;
        for (String path : new String[] {"/api/queries/" + savedQuery, "/api/query_results/" + stored.path("id").asLong(),
                "/api/data_sources", "/api/dashboards/" + dashboard, "/status.json"}) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get(path);
            slowest = Math.max(slowest, millisSince(started));
            assertOutageAnswer(answer);
        }
        long runStarted = System.nanoTime();
        HttpResponse<String> run = post("/api/query_results",
                "{\"data_source_id\":" + dataSource + ",\"query\":\"SELECT 1\",\"max_age\":0}");
        slowest = Math.max(slowest, millisSince(runStarted));
        assertOutageAnswer(run);
        figure("slowest of 6 later API answers: " + slowest + " ms");
        assertThat(Duration.ofMillis(slowest)).as("API answers once the outage is known").isLessThan(TWO_SECONDS);

        assertThat(probe("/actuator/health/liveness").statusCode()).as("a restart would not help").isEqualTo(200);
        assertThat(probe("/ping").statusCode()).isEqualTo(200);
        assertThat(prometheus.value("sightline_metadata_store_up")).isZero();
        assertThat(prometheus.value("sightline_metadata_store_outages_total")).isEqualTo(1);

        // the run in progress ends while the store is still down: its result cannot be stored
        Thread.sleep(Math.max(0, 5_000 - millisSince(longRunSubmitted)));
        postgres.start();

        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> probe("/actuator/health/readiness").statusCode() == 200);
        figure("readiness 200 " + millisSince(restarted) + " ms after the restart");
        // a request may still meet a pooled connection that died with the old server: it is answered 503 and the
        // pool replaces it, so the API is back within moments of readiness, with no restart of Sightline
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("/api/queries/" + savedQuery).status() == 200);
        figure("API 200 " + millisSince(restarted) + " ms after the restart");
        assertThat(api.get("/api/queries/" + savedQuery).json().path("name").asString()).isEqualTo("kept across the outage");
        JsonNode storedAgain = api.get("/api/query_results/" + stored.path("id").asLong()).json().path("query_result");
        assertThat(storedAgain.path("data").path("rows").get(0).path("answer").asInt()).isEqualTo(42);
        assertThat(api.get("/api/dashboards/" + dashboard).status()).isEqualTo(200);
        assertThat(runs.await(inProgress).path("status").asInt()).as("failed: its result had nowhere to go").isEqualTo(4);
        JsonNode waited = runs.finishedResult(runs.await(queued));
        assertThat(waited.path("data").path("rows").get(0).path("queued_during_outage").asInt())
                .as("the queued run waited for the store, then ran").isEqualTo(7);
        JsonNode after = runs.result(dataSource, "SELECT 43 AS after_outage");
        assertThat(after.path("data").path("rows").get(0).path("after_outage").asInt()).isEqualTo(43);
        JsonNode countsAfter = api.get("/status.json").json().path("counts");
        assertThat(countsAfter.path("queries").asLong()).isEqualTo(countsBefore.path("queries").asLong());
        assertThat(countsAfter.path("users").asLong()).isEqualTo(countsBefore.path("users").asLong());
        assertThat(countsAfter.path("query_results").asLong()).as("the two new results added, none lost")
                .isEqualTo(countsBefore.path("query_results").asLong() + 2);
        assertThat(prometheus.value("sightline_metadata_store_up")).isEqualTo(1);
        assertThat(prometheus.value("sightline_metadata_store_outages_total")).as("still one outage").isEqualTo(1);
    }

    /** The figures docs/operations.md quotes, in the test's output (grep "metadata outage figure"). */
    private void figure(String text) {
        System.out.println("metadata outage figure (" + getClass().getSimpleName() + "): " + text);
    }

    private static void assertOutageAnswer(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = Api.JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("message").asString()).contains("metadata store (database) cannot be reached");
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** As a Kubernetes probe or a load balancer asks: without credentials. */
    private HttpResponse<String> probe(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Key " + ADMIN_KEY);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
