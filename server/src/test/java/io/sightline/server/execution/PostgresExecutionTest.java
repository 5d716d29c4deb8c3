package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.PostgresActivity;
import io.sightline.server.support.Runs;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Queries on the machine's real PostgreSQL: streaming, cancellation, time limit, de-duplication, escaping. */
class PostgresExecutionTest extends EmbeddedServerTest {

    private long dataSource;
    private Runs runs;

    @BeforeEach
    void dataSource() {
        dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        runs = new Runs(api());
    }

    @Test
    void streamsALargeResultUpToTheRowLimit() {
        JsonNode result = runs.result(dataSource, "SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, 50000) g");

        assertThat(result.path("row_count").asLong()).isEqualTo(10_000);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("row_limit").asInt()).isEqualTo(10_000);
        assertThat(result.path("data").path("columns").findValuesAsString("type")).containsExactly("integer", "string");
    }

    @Test
    void cancelStopsTheStatementInPostgres() {
        String marker = "cancel_" + UUID.randomUUID().toString().replace("-", "");
        String jobId = runs.submit(dataSource, "SELECT pg_sleep(60) AS " + marker).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> PostgresActivity.activeStatements(marker) == 1);

        var cancel = api().delete("/api/jobs/" + jobId);
        assertThat(cancel.status()).isEqualTo(200);

        JsonNode job = runs.await(jobId);
        assertThat(job.path("status").asInt()).as("reported as Redash does: failed").isEqualTo(4);
        assertThat(job.path("cancelled").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> PostgresActivity.activeStatements(marker) == 0);
    }

    @Test
    void timeLimitCancelsTheStatementAndFailsTheJob() {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("query_timeout", 1));
        String marker = "timeout_" + UUID.randomUUID().toString().replace("-", "");
        long started = System.nanoTime();

        String error = runs.error(limited, "SELECT pg_sleep(30) AS " + marker);

        assertThat(error).contains("exceeded the time limit of 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(5)).until(() -> PostgresActivity.activeStatements(marker) == 0);
    }

    @Test
    void identicalQueryInFlightIsJoinedNotRunTwice() throws SQLException {
        String marker = "dedup_" + UUID.randomUUID().toString().replace("-", "");
        String sql = "SELECT pg_sleep(4) AS " + marker; // longer than the server waits before answering with the job
        String first = runs.submit(dataSource, sql).path("id").asString();
        String second = runs.submit(dataSource, sql).path("id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(PostgresActivity.activeStatements(marker)).isLessThanOrEqualTo(1);
        assertThat(runs.await(first).path("status").asInt()).isEqualTo(3);
    }

    @Test
    void failedSqlCarriesPostgresMessage() {
        assertThat(runs.error(dataSource, "SELECT * FROM no_such_table_here"))
                .contains("relation \"no_such_table_here\" does not exist");
    }

    @Test
    void hostileTextStaysALiteralInPostgres() {
        for (String value : new String[] {"'; DROP TABLE x; --", "\\\\'; SELECT 1; --", "/* */ ' OR '1'='1", "it's"}) {
            var job = runs.submit(Map.of("data_source_id", dataSource, "max_age", 0,
                    "query", "SELECT '{{ v }}' AS v", "parameters", Map.of("v", value)));
            JsonNode result = runs.finishedResult(runs.finish(job));
            assertThat(result.path("data").path("rows").get(0).path("v").asString()).isEqualTo(value);
        }
    }
}
