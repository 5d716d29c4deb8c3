package io.sightline.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hole 11 of issue 8: job errors and CSV exports. */
class JobErrorsTest extends EmbeddedServerTest {

    @Test
    void jobErrorOfADeletedDataSourceNamesNoJavaException() {
        long source = new DataSourceFixtures(api()).postgres(Map.of("concurrency_limit", 1));
        Runs runs = new Runs(api());
        // long enough that the next run, waiting for the only slot, cannot be answered finished within the
        // server's quick-answer window (a submit waits up to a second for its job), however slow the machine
        JsonNode slow = runs.submit(source, "SELECT pg_sleep(8), 'errors-slow' AS x");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/jobs/"
                + slow.path("id").asString()).json().path("job").path("status").asInt() == 2);
        JsonNode waiting = runs.submit(source, "SELECT 'errors-waiting' AS x");
        assertThat(waiting.path("status").asInt()).as("waits for the slot of the slow one").isEqualTo(1);

        Api.Response deleted = api().delete("/api/data_sources/" + source);
        assertThat(deleted.status()).as(deleted.toString()).isLessThan(300);
        api().delete("/api/jobs/" + slow.path("id").asString()); // the slot frees: the waiting run goes on

        String error = runs.await(waiting.path("id").asString()).path("error").asString();
        assertThat(error).contains("does not exist").doesNotContain("Exception").doesNotContain("io.sightline");
        runs.await(slow.path("id").asString());
    }

    @Test
    void databaseErrorIsTheDatabasesOwnMessage() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        String error = new Runs(api()).error(source, "SELECT * FROM no_such_table_errors_test");
        assertThat(error).contains("no_such_table_errors_test").doesNotContain("PSQLException").doesNotContain("org.postgresql");
    }

    @Test
    void csvExportNeutralisesFormulasButKeepsNumbers() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        JsonNode result = new Runs(api()).result(source, "SELECT '=HYPERLINK(\"http://x\")' AS f, -5 AS n, '-5' AS t,"
                + " '+1' AS plus, '@SUM(A1)' AS at, E'\\tx' AS tab, 'plain' AS p, 2.50 AS d");
        Api.Response csv = api().get("/api/query_results/" + result.path("id").asLong() + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList().get(1))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",-5,'-5,'+1,'@SUM(A1),'\tx,plain,2.50");
    }
}
