package io.sightline.server.execution;

import static io.sightline.server.execution.ColumnFidelityTest.EXACT;
import static io.sightline.server.execution.ColumnFidelityTest.mariadb;
import static io.sightline.server.execution.ColumnFidelityTest.postgres;
import static io.sightline.server.execution.ColumnFidelityTest.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same edge values as {@link ColumnFidelityTest}, run by a worker that takes the job from Redis, then
 * answered again from the Redis result cache: every way to the result gives the database's values.
 */
class RedisColumnFidelityTest extends RedisQueueServerTest {

    private final String table = "fidelity_redis_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void postgresValuesSurviveTheQueueTheStoreAndTheCache() throws SQLException {
        ColumnFidelityTest.createPostgresTable(table);
        try {
            long source = new DataSourceFixtures(api()).postgres(Map.of());
            String sql = ColumnFidelityTest.POSTGRES_QUERY + table + " ORDER BY id";

            JsonNode run = runAndReadFromCache(source, sql);

            ColumnFidelityTest.POSTGRES.assertAnswered(api(), run);
        } finally {
            sql(postgres(), "DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void mariaDbValuesSurviveTheQueueTheStoreAndTheCache() throws SQLException {
        ColumnFidelityTest.createMariaDbTable(table);
        try {
            long source = new DataSourceFixtures(api()).mariadb(Map.of());

            JsonNode run = runAndReadFromCache(source, ColumnFidelityTest.mariaDbQuery(table));

            ColumnFidelityTest.MARIADB.assertAnswered(api(), run);
        } finally {
            sql(mariadb(), "DROP TABLE IF EXISTS " + table);
        }
    }

    /** Runs through the queue, then asks again with any age: the cached answer must be the very same result. */
    private JsonNode runAndReadFromCache(long source, String sql) {
        Runs runs = new Runs(api());
        long id = runs.finish(runs.submit(source, sql)).path("query_result_id").asLong();
        var cached = api().post("/api/query_results", Map.of("data_source_id", source, "query", sql, "max_age", -1));
        assertThat(cached.status()).isEqualTo(200);
        JsonNode fromCache = EXACT.readTree(cached.body()).path("query_result");
        assertThat(fromCache.path("id").asLong()).as("answered from the cache").isEqualTo(id);
        JsonNode stored = EXACT.readTree(api().get("/api/query_results/" + id).body()).path("query_result");
        assertThat(fromCache.path("data")).isEqualTo(stored.path("data"));
        return stored;
    }
}
