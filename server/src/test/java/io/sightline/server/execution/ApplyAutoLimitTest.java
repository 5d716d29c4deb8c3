package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's {@code apply_auto_limit}, following {@code tests/handlers/test_query_results.py}: a run that asks for it
 * gets at most 1,000 rows, and the limited SQL is what is cached and stored.
 */
class ApplyAutoLimitTest extends EmbeddedServerTest {

    private static final String ROWS_1500 = "SELECT X AS \"n\" FROM SYSTEM_RANGE(1, 1500)";

    private long dataSource;
    private Runs runs;

    @BeforeEach
    void anH2DataSource() {
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:auto_limit_" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        runs = new Runs(api());
    }

    /** Redash's {@code test_add_limit_change_query_sql}: the limited text is not served the unlimited cached result. */
    @Test
    void addLimitChangeQuerySql() {
        JsonNode unlimited = runs.result(dataSource, ROWS_1500);
        assertThat(unlimited.path("data").path("rows").size()).isEqualTo(1500);

        JsonNode limited = runs.resultOf(api().post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", ROWS_1500, "apply_auto_limit", true)));
        assertThat(limited.path("id").asLong()).isNotEqualTo(unlimited.path("id").asLong());
        assertThat(limited.path("query").asString()).isEqualTo(ROWS_1500 + " LIMIT 1000");
        assertThat(limited.path("data").path("rows").size()).isEqualTo(1000);
    }

    @Test
    void runsTheTextAsItIsWithoutTheFlag() {
        JsonNode result = runs.resultOf(api().post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", ROWS_1500, "max_age", 0, "apply_auto_limit", false)));
        assertThat(result.path("query").asString()).isEqualTo(ROWS_1500);
        assertThat(result.path("data").path("rows").size()).isEqualTo(1500);
    }

    /** Redash's {@code test_get_latest_query_result_with_apply_auto_limit}: the query's own option, else the body's. */
    @Test
    void getLatestQueryResultWithApplyAutoLimit() {
        var options = new HashMap<String, Object>(Map.of("apply_auto_limit", true));
        var saved = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "limited",
                "query", ROWS_1500, "options", options));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        long query = saved.json().path("id").asLong();
        assertThat(api().get("/api/queries/" + query).json().path("options").path("apply_auto_limit").asBoolean())
                .isTrue();

        JsonNode byOption = runs.resultOf(api().post("/api/queries/" + query + "/results", Map.of("max_age", 0)));
        assertThat(byOption.path("data").path("rows").size()).isEqualTo(1000);
        assertThat(api().get("/api/queries/" + query + "/results.csv").body().lines().count()).isEqualTo(1001);

        JsonNode byBody = runs.resultOf(api().post("/api/queries/" + query + "/results",
                Map.of("max_age", 0, "apply_auto_limit", false)));
        assertThat(byBody.path("data").path("rows").size()).isEqualTo(1500);
    }

    @Test
    void listsEveryTypedDataSourceAsSupportingAutoLimit() {
        JsonNode listed = api().get("/api/data_sources").json().valueStream()
                .filter(ds -> ds.path("id").asLong() == dataSource).findFirst().orElseThrow();
        assertThat(listed.path("supports_auto_limit").isBoolean()).isTrue();
        assertThat(listed.path("supports_auto_limit").asBoolean()).isTrue();
        assertThat(api().get("/api/data_sources/" + dataSource).json().path("supports_auto_limit").asBoolean())
                .isTrue();
    }

    @Test
    void refusesAFlagThatIsNotABoolean() {
        var refused = api().post("/api/query_results", Map.of("data_source_id", dataSource, "query", ROWS_1500,
                "apply_auto_limit", Map.of("yes", 1)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.message()).contains("apply_auto_limit");
    }
}
