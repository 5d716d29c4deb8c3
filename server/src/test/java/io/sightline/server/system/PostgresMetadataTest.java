package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import io.sightline.server.support.Runs;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Production-style metadata on PostgreSQL: migrations, saved queries and runs on PostgreSQL and MariaDB sources. */
class PostgresMetadataTest extends PostgresMetadataServerTest {

    @Test
    void migrationsRanOnPostgres() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             var rs = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(4);
        }
        assertThat(api().get("/api/data_sources").json().findValuesAsString("name")).doesNotContain("Demo sales");
    }

    @Test
    void savedQueryRunsOnPostgresAndMariaDb() {
        var fixtures = new DataSourceFixtures(api());
        Runs runs = new Runs(api());
        for (long dataSource : List.of(fixtures.postgres(Map.of()), fixtures.mariadb(Map.of()))) {
            var saved = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "sum " + dataSource,
                    "query", "SELECT {{ a }} + 2 AS total",
                    "options", Map.of("parameters", List.of(Map.of("name", "a", "type", "number", "value", 40)))));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            long queryId = saved.json().path("id").asLong();

            var submitted = api().post("/api/queries/" + queryId + "/results", Map.of("max_age", 0));
            JsonNode result = runs.resultOf(submitted);

            assertThat(result.path("data").path("rows").get(0).path("total").asLong()).isEqualTo(42);
            assertThat(api().get("/api/queries/" + queryId).json().path("latest_query_data_id").asLong())
                    .isEqualTo(result.path("id").asLong());
        }
    }

    @Test
    void staleVersionIsAConflictOnPostgresToo() {
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        long id = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", "v", "query", "SELECT 1"))
                .json().path("id").asLong();
        assertThat(api().post("/api/queries/" + id, Map.of("query", "SELECT 2", "version", 1)).status()).isEqualTo(200);
        var stale = api().post("/api/queries/" + id, Map.of("query", "SELECT 3", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.message()).contains("reload");
    }
}
