package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.EmbeddedServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A link that is asked far more often than people open dashboards gets 429 with {@code Retry-After} (the default
 * 50 a second with bursts of 200), and only that link: others keep working, and it works again a moment later.
 */
class PublicRateLimitTest extends EmbeddedServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFloodOnOneLinkIsRefusedWithRetryAfterAndOtherLinksKeepWorking() throws Exception {
        var dashboard = api().post("/api/dashboards", Map.of("name", "Rate " + UUID.randomUUID()));
        String other = api().post("/api/dashboards/" + dashboard.json().path("id").asLong() + "/share", Map.of())
                .json().path("api_key").asString();
        String flooded = "/api/dashboards/public/" + UUID.randomUUID().toString().replace("-", "");

        List<HttpResponse<String>> answers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sent.add(pool.submit(() -> get(flooded)));
            }
            for (var answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        var refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(answers.stream().filter(r -> r.statusCode() == 404).count()).as("the burst is let through")
                .isGreaterThanOrEqualTo(200);
        assertThat(refused).as("past the burst, the link is refused").isNotEmpty();
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.get(0).body()).contains(PublicRateLimit.MESSAGE);
        assertThat(answers).allMatch(r -> r.statusCode() == 404 || r.statusCode() == 429);

        assertThat(get("/api/dashboards/public/" + other).statusCode()).as("another link").isEqualTo(200);
        assertThat(get("/public/dashboards/" + other).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> get(flooded).statusCode() == 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
