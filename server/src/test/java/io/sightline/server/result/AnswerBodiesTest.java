package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result of at most one page is answered whole, with its length (written on the request thread); a larger one is
 * streamed in chunks. Either way the client reads the same shape, every row in order.
 */
class AnswerBodiesTest extends EmbeddedServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aOnePageResultIsAnsweredWithItsLengthALargerOneIsStreamed() throws Exception {
        long source = h2Source();
        long small = new Runs(api()).result(source, "SELECT X AS \"n\" FROM SYSTEM_RANGE(1, 3)").path("id").asLong();
        long large = new Runs(api()).result(source, "SELECT X AS \"n\" FROM SYSTEM_RANGE(1, "
                + (ResultStore.PAGE_SIZE + 1) + ")").path("id").asLong();

        HttpResponse<String> smallAnswer = get("/api/query_results/" + small);
        HttpResponse<String> largeAnswer = get("/api/query_results/" + large);

        assertThat(smallAnswer.headers().firstValue("Content-Length")).as("whole, with its length")
                .contains(Integer.toString(smallAnswer.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(largeAnswer.headers().firstValue("Transfer-Encoding")).as("streamed").contains("chunked");
        assertThat(largeAnswer.headers().firstValue("Content-Length")).isEmpty();
        assertThat(rows(smallAnswer)).hasSize(3);
        JsonNode largeRows = rows(largeAnswer);
        assertThat(largeRows).hasSize(ResultStore.PAGE_SIZE + 1);
        assertThat(largeRows.get(ResultStore.PAGE_SIZE).path("n").asLong()).isEqualTo(ResultStore.PAGE_SIZE + 1);
        assertThat(smallAnswer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
    }

    @Test
    void aRunAnsweredWithItsFinishedJobAndResultIsWholeToo() throws Exception {
        long source = h2Source();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/query_results"))
                .header("Authorization", "Key " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("data_source_id", source,
                        "query", "SELECT 41 + 1 AS \"n\"", "max_age", 0)))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Length")).isPresent();
        JsonNode body = JSON.readTree(answer.body());
        JsonNode result = body.has("query_result") ? body.path("query_result")
                : new Runs(api()).finishedResult(body.path("job"));
        assertThat(result.path("data").path("rows").get(0).path("n").asInt()).isEqualTo(42);
    }

    private long h2Source() {
        return new DataSourceFixtures(api()).h2("jdbc:h2:mem:answers_" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Key " + ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static JsonNode rows(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("query_result").path("data").path("rows");
    }
}
