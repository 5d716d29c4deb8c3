package io.sightline.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hole 10 of issue 8: each limit is answered with a 4xx naming it and its value (default settings). */
class LimitsTest extends EmbeddedServerTest {

    @Test
    void rejectsARequestBodyOverTheSizeLimitWith413() {
        String body = "{\"query\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        Api.Response response = api().post("/api/query_results", body);
        assertThat(response.status()).as(response.status() + "").isEqualTo(413);
        assertThat(response.message()).contains("the limit is 10 MB").contains("SIGHTLINE_MAX_REQUEST_SIZE");
    }

    @Test
    void rejectsAChunkedRequestBodyOverTheSizeLimitWith413() throws Exception {
        byte[] body = ("{\"query\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/query_results"))
                .header("Authorization", "Key " + ADMIN_KEY).header("Content-Type", "application/json")
                // no length: sent chunked, so only counting while reading can stop it
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("the limit is 10 MB").contains("SIGHTLINE_MAX_REQUEST_SIZE");
    }

    @Test
    void rejectsQueryTextOverTheLimitWith413() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        String sql = "SELECT 1 -- " + "x".repeat(1_000_000);
        Api.Response run = api().post("/api/query_results", Map.of("data_source_id", source, "query", sql, "max_age", 0));
        assertThat(run.status()).as(run.toString()).isEqualTo(413);
        assertThat(run.message()).contains("the limit is 1,000,000").contains("SIGHTLINE_MAX_QUERY_SIZE");
        Api.Response save = api().post("/api/queries", Map.of("name", "big", "query", sql, "data_source_id", source));
        assertThat(save.status()).isEqualTo(413);
        assertThat(save.message()).contains("the limit is 1,000,000");
    }

    @Test
    void rejectsASavedQueryWithTooManyTagsParametersOrOptions() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        List<String> tags = IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList();
        Api.Response manyTags = api().post("/api/queries", Map.of("name", "tags", "query", "SELECT 1",
                "data_source_id", source, "tags", tags));
        assertThat(manyTags.status()).as(manyTags.toString()).isEqualTo(400);
        assertThat(manyTags.message()).contains("51 tags").contains("the limit is 50");

        List<Map<String, Object>> parameters = IntStream.range(0, 101)
                .mapToObj(i -> Map.<String, Object>of("name", "p" + i, "type", "number", "value", 1)).toList();
        Api.Response manyParameters = api().post("/api/queries", Map.of("name", "params", "query", "SELECT 1",
                "data_source_id", source, "options", Map.of("parameters", parameters)));
        assertThat(manyParameters.status()).as(manyParameters.toString()).isEqualTo(400);
        assertThat(manyParameters.message()).contains("101 parameters").contains("the limit is 100");

        String options = String.join("\n", IntStream.range(0, 1001).mapToObj(i -> "v" + i).toList());
        Api.Response manyOptions = api().post("/api/queries", Map.of("name", "options", "query", "SELECT '{{ p }}'",
                "data_source_id", source, "options", Map.of("parameters", List.of(
                        Map.of("name", "p", "type", "enum", "value", "v1", "enumOptions", options)))));
        assertThat(manyOptions.status()).as(manyOptions.toString()).isEqualTo(400);
        assertThat(manyOptions.message()).contains("1,001 options").contains("the limit is 1,000");
    }

    @Test
    void refusesAUsersRunBeyondTheCapOfUnfinishedJobsWith429() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        Runs runs = new Runs(api());
        List<String> jobs = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                JsonNode job = runs.submit(source, "SELECT pg_sleep(30), " + i + " AS cap_test");
                jobs.add(job.path("id").asString());
            }
            Api.Response over = api().post("/api/query_results",
                    Map.of("data_source_id", source, "query", "SELECT 21 AS cap_test", "max_age", 0));
            assertThat(over.status()).as(over.toString()).isEqualTo(429);
            assertThat(over.message()).contains("20 queries queued or running").contains("SIGHTLINE_MAX_JOBS_PER_USER");
        } finally {
            jobs.forEach(id -> api().delete("/api/jobs/" + id));
        }
        jobs.forEach(id -> runs.await(id));
        assertThat(runs.result(source, "SELECT 22 AS cap_test").path("data").path("rows")).hasSize(1);
    }

    @Test
    void cutsAVeryLongTextCellWithAMarker() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        JsonNode result = new Runs(api()).result(source, "SELECT repeat('x', 250000) AS long_text, 'short' AS s");
        String cell = result.path("data").path("rows").get(0).path("long_text").asString();
        assertThat(cell).startsWith("x".repeat(100_000) + "\u2026 [cut: the value has 250,000 characters; cells keep 100,000");
        assertThat(result.path("data").path("rows").get(0).path("s").asString()).isEqualTo("short");
    }
}
