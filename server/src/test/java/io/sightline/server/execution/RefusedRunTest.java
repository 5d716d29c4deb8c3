package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.RunAccessFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refused run answers its problem detail with Redash's failed job beside it ({@code job: {status: 4, error}}),
 * with Redash's status codes, because Redash's web client and scripts show {@code job.error}.
 */
class RefusedRunTest extends EmbeddedServerTest {

    private long dataSource;
    private RunAccessFixtures access;

    @BeforeEach
    void dataSource() {
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:refused_" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        access = new RunAccessFixtures(api());
        access.ungrantFromDefaultGroup(dataSource);
    }

    @Test
    void runWithoutADataSourceIs401AsInRedash() {
        Api.Response refused = api().post("/api/query_results", Map.of("query", "SELECT 1", "max_age", 0));

        assertRefused(refused, 401);
        assertThat(refused.message()).contains("'data_source_id' is required");
    }

    @Test
    void runOnADataSourceTheUserDoesNotReachIs403() {
        Api outsider = access.user("Outsider").api();

        Api.Response refused = outsider.post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", "SELECT 1", "max_age", 0));

        assertRefused(refused, 403);
        assertThat(refused.message()).contains("no access to data source");
    }

    @Test
    void ownSqlAndUnsafeSavedQueriesOfAViewOnlyUserAre403() {
        var viewer = access.user("Viewer");
        access.grant(viewer, dataSource, true);
        long unsafe = save("SELECT '{{ word }}' AS w", List.of(Map.of("name", "word", "type", "text", "value", "a")));

        Api.Response ownSql = viewer.api().post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", "SELECT 1", "max_age", 0));
        Api.Response unsafeRun = viewer.api().post("/api/queries/" + unsafe + "/results", Map.of("max_age", 0));

        assertRefused(ownSql, 403);
        assertThat(ownSql.message()).contains("view-only access");
        assertRefused(unsafeRun, 403);
        assertThat(unsafeRun.message()).contains("text parameters");
    }

    @Test
    void runOnAPausedDataSourceIs400() {
        assertThat(api().post("/api/data_sources/" + dataSource + "/pause", Map.of("reason", "maintenance")).status())
                .isEqualTo(200);

        Api.Response adHoc = api().post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", "SELECT 1", "max_age", 0));
        Api.Response saved = api().post("/api/queries/" + save("SELECT 2", List.of()) + "/results",
                Map.of("max_age", 0));

        assertRefused(adHoc, 400);
        assertThat(adHoc.message()).contains("is paused: maintenance");
        assertRefused(saved, 400);
    }

    @Test
    void runWithAMissingOrInvalidParameterIs400() {
        long query = save("SELECT {{ n }} AS n", List.of(Map.of("name", "n", "type", "number")));

        Api.Response missing = api().post("/api/queries/" + query + "/results", Map.of("max_age", 0));
        Api.Response invalid = api().post("/api/queries/" + query + "/results", Map.of("max_age", 0,
                "parameters", Map.of("n", "ten")));

        assertRefused(missing, 400);
        assertThat(missing.message()).contains("Parameter 'n'");
        assertRefused(invalid, 400);
        assertThat(invalid.message()).contains("Parameter 'n'");
    }

    @Test
    void aRunThatIsNotRefusedHasNoErrorInItsJob() {
        Api.Response answer = api().post("/api/query_results", Map.of("data_source_id", dataSource,
                "query", "SELECT 1 AS one", "max_age", 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("job").path("error").asString()).as("\"\" as Redash's serialize_job: " + answer)
                .isEmpty();
    }

    /** The problem detail as before, and Redash's failed job beside it with the same message. */
    private static void assertRefused(Api.Response refused, int status) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("status").asInt()).isEqualTo(status);
        assertThat(refused.json().path("detail").asString()).isEqualTo(refused.message());
        assertThat(refused.json().path("job").path("status").asInt()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.json().path("job").path("error").asString()).isEqualTo(refused.message()).isNotBlank();
    }

    private long save(String sql, List<Map<String, Object>> parameters) {
        var saved = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "q " + UUID.randomUUID(),
                "query", sql, "options", Map.of("parameters", parameters)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("id").asLong();
    }
}
