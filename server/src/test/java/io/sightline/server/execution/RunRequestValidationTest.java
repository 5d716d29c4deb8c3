package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad run requests get a 4xx naming the problem, never a 500. */
class RunRequestValidationTest extends EmbeddedServerTest {

    private long h2() {
        return new DataSourceFixtures(api()).h2("jdbc:h2:mem:validation;DB_CLOSE_DELAY=-1", Map.of());
    }

    @Test
    void malformedJsonIs400() {
        var response = api().post("/api/query_results", "{\"data_source_id\": 1, \"query\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).startsWith("Malformed request body");
    }

    @Test
    void wrongFieldTypeNamesTheField() {
        var response = api().post("/api/query_results", "{\"data_source_id\": \"abc\", \"query\": \"SELECT 1\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("data_source_id");
    }

    @Test
    void missingDataSourceIs401AsInRedash() {
        var response = api().post("/api/query_results", Map.of("query", "SELECT 1"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).contains("'data_source_id' is required");
    }

    @Test
    void missingQueryIs400() {
        var response = api().post("/api/query_results", Map.of("data_source_id", h2()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("'query' is required");
    }

    @Test
    void unknownDataSourceIs404() {
        var response = api().post("/api/query_results", Map.of("data_source_id", 987654, "query", "SELECT 1"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).contains("987654");
    }

    @Test
    void queryOverOneMegabyteIs413() {
        String huge = "SELECT 1 " + "-".repeat(1_000_001);
        var response = api().post("/api/query_results", Map.of("data_source_id", h2(), "query", huge));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.message()).contains("limit is 1,000,000");
    }

    @Test
    void invalidMaxAgeIs400() {
        var response = api().post("/api/query_results", Map.of("data_source_id", h2(), "query", "SELECT 1", "max_age", -5));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("max_age");
    }

    @Test
    void unknownJobAndResultAre404() {
        assertThat(api().get("/api/jobs/no-such-job").status()).isEqualTo(404);
        assertThat(api().delete("/api/jobs/no-such-job").status()).isEqualTo(404);
        var result = api().get("/api/query_results/999999");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.message()).isEqualTo("Query result 999999 does not exist");
    }

    @Test
    void runningNeedsAuthentication() {
        assertThat(anonymous().post("/api/query_results", Map.of("data_source_id", 1, "query", "SELECT 1")).status())
                .isEqualTo(401);
    }
}
