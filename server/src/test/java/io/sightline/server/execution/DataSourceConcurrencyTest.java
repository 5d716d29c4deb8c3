package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.ConcurrentRuns;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Embedded mode: a data source's concurrency limit holds among the in-process worker threads. */
class DataSourceConcurrencyTest extends EmbeddedServerTest {

    @Test
    void runsNoMoreQueriesAtOnceThanTheLimitAndFinishesThemAll() throws Exception {
        long limited = new DataSourceFixtures(api()).postgres(Map.of("concurrency_limit", 2));
        String marker = "limit_" + UUID.randomUUID().toString().replace("-", "");

        ConcurrentRuns.Observed observed = new ConcurrentRuns(api()).run(limited, marker, 6, 1);

        assertThat(observed.ended()).hasSize(6).allSatisfy(job -> assertThat(job.path("status").asInt()).isEqualTo(3));
        assertThat(observed.mostAtOnce()).as("running at once in PostgreSQL").isEqualTo(2);
        assertThat(observed.someWaitedQueued()).as("the others waited as queued jobs").isTrue();
    }

    @Test
    void limitOptionIsValidatedAndShownInTheConfigurationSchema() {
        var pg = api().get("/api/data_sources/types").json().valueStream()
                .filter(t -> t.path("type").asString().equals("pg")).findFirst().orElseThrow();
        var option = pg.path("configuration_schema").path("properties").path("concurrency_limit");
        assertThat(option.path("default").asInt()).as("server default: no limit").isZero();
        assertThat(option.path("maximum").asInt()).isEqualTo(1000);

        var response = api().post("/api/data_sources", Map.of("name", "pg-" + UUID.randomUUID(), "type", "pg",
                "options", Map.of("host", "127.0.0.1", "dbname", "test", "user", "postgres", "concurrency_limit", -1)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Option 'concurrency_limit' must be between 0 and 1000");
    }
}
