package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.SightlineServer;
import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Redash's CORS of the query result API ({@code QueryResultResource.options} and {@code add_cors_headers}) over
 * HTTP: a server of its own with an allowed origin configured, and the shared one without, which sends none.
 */
class ResultCorsTest extends EmbeddedServerTest {

    private static final String KEY = "it-cors-admin-key-0123456789";
    private static final String ALLOWED = "https://reports.example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext server;
    private static int corsPort;
    private static long query;
    private static long result;
    private static String queryKey;

    @BeforeAll
    static void serverWithAnAllowedOrigin() throws Exception {
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "sightline.data-dir", Files.createTempDirectory("sightline-cors-").toString(),
                "sightline.database-url", "",
                "sightline.redis-url", "",
                "sightline.demo-data", "never",
                "sightline.admin-api-key", KEY,
                "sightline.cors.allow-origin", "https://other.example.com, " + ALLOWED,
                "sightline.cors.allow-credentials", "true");
        server = new SpringApplicationBuilder(SightlineServer.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        corsPort = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        Api admin = new Api(corsPort, KEY);
        long dataSource = new AccessFixtures(admin).privateDataSource();
        var saved = admin.post("/api/queries", Map.of("data_source_id", dataSource, "name", "cors",
                "query", "SELECT 1 AS n"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        query = saved.json().path("id").asLong();
        queryKey = saved.json().path("api_key").asString();
        JsonNode ran = new Runs(admin).resultOf(admin.post("/api/queries/" + query + "/results", Map.of()));
        result = ran.path("id").asLong();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void optionsOfEachResultPathAnswersRedashsHeadersToAnAllowedOrigin() {
        for (String path : List.of("/api/query_results/" + result + ".csv", "/api/query_results/" + result,
                "/api/queries/" + query + "/results/" + result + ".json", "/api/queries/" + query + "/results",
                "/api/queries/" + query + "/results.xlsx")) {
            HttpResponse<String> preflight = send(corsPort, "OPTIONS", path, ALLOWED, KEY);

            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            assertThat(preflight.body()).as(path).isEmpty();
            assertThat(header(preflight, "Access-Control-Allow-Origin")).as(path).isEqualTo(ALLOWED);
            assertThat(header(preflight, "Access-Control-Allow-Credentials")).as(path).isEqualTo("true");
            assertThat(header(preflight, "Access-Control-Request-Method")).as(path).isEqualTo("GET, POST, PUT");
            assertThat(header(preflight, "Access-Control-Allow-Methods")).as(path).isEqualTo("GET, POST, PUT");
            assertThat(header(preflight, "Access-Control-Allow-Headers")).as(path).isEqualTo("Content-Type");
        }
    }

    @Test
    void aDownloadFromAnAllowedOriginMayBeReadThere() {
        HttpResponse<String> csv = send(corsPort, "GET", "/api/query_results/" + result + ".csv", ALLOWED, KEY);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("n");
        assertThat(header(csv, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(header(csv, "Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(csv.headers().allValues("Vary")).anyMatch(v -> v.toLowerCase().contains("origin"));

        HttpResponse<String> run = send(corsPort, "POST", "/api/queries/" + query + "/results", ALLOWED, KEY);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(header(run, "Access-Control-Allow-Origin")).as("the POST-able path too").isEqualTo(ALLOWED);
    }

    @Test
    void anotherOriginGetsNoAllowOrigin() {
        String other = "https://evil.example.com";
        HttpResponse<String> preflight = send(corsPort, "OPTIONS", "/api/query_results/" + result + ".csv", other, KEY);
        HttpResponse<String> csv = send(corsPort, "GET", "/api/query_results/" + result + ".csv", other, KEY);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(csv.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void otherPathsGetNoCorsHeaders() {
        for (String path : List.of("/api/queries/" + query, "/api/queries", "/api/session")) {
            HttpResponse<String> get = send(corsPort, "GET", path, ALLOWED, KEY);
            assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        HttpResponse<String> preflight = send(corsPort, "OPTIONS", "/api/queries/" + query, ALLOWED, KEY);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void optionsNeedsACallerAsInRedash() {
        String path = "/api/queries/" + query + "/results.csv";

        assertThat(send(corsPort, "OPTIONS", path, ALLOWED, null).statusCode()).as("no key").isEqualTo(401);

        HttpResponse<String> byQueryKey = send(corsPort, "OPTIONS", path + "?api_key=" + queryKey, ALLOWED, null);
        assertThat(byQueryKey.statusCode()).as("the query's key in the URL, as a browser's preflight carries it")
                .isEqualTo(200);
        assertThat(header(byQueryKey, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(send(corsPort, "OPTIONS", "/api/queries/" + query + "?api_key=" + queryKey, ALLOWED, null)
                .statusCode()).as("the key in a URL only on result paths").isEqualTo(401);
    }

    @Test
    void withoutAConfiguredOriginNoCorsHeaderIsSent() {
        Api admin = api();
        long dataSource = new AccessFixtures(admin).privateDataSource();
        long own = admin.post("/api/queries", Map.of("data_source_id", dataSource, "name", "no cors",
                "query", "SELECT 2 AS n")).json().path("id").asLong();
        long ownResult = new Runs(admin).resultOf(admin.post("/api/queries/" + own + "/results", Map.of()))
                .path("id").asLong();

        for (String path : List.of("/api/query_results/" + ownResult + ".csv", "/api/queries/" + own + "/results",
                "/api/queries/" + own + "/results/" + ownResult + ".json")) {
            for (String method : List.of("OPTIONS", "GET")) {
                HttpResponse<String> answer = send(port, method, path, ALLOWED, ADMIN_KEY);
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(200);
                assertThat(answer.headers().map().keySet()).as(method + " " + path)
                        .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            }
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + response.headers().map()));
    }

    private static HttpResponse<String> send(int port, String method, String path, String origin, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Origin", origin)
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if ("OPTIONS".equals(method)) {
            request.header("Access-Control-Request-Method", "GET");
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Key " + key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
