package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two runs of one job (the first worker was killed before it ended the job) store one result, not two. */
class OneResultPerJobTest extends EmbeddedServerTest {

    private static final List<Column> COLUMNS = List.of(new Column("n", "n", ColumnType.INTEGER));

    @Autowired
    private ResultStore results;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void secondRunOfAJobEndsWithTheFirstRunsResult() {
        String job = UUID.randomUUID().toString();
        String hash = "one-result-" + job;
        ResultWriter first = results.open(job, 1, hash, "SELECT 1", COLUMNS, 100);
        ResultWriter second = results.open(job, 1, hash, "SELECT 1", COLUMNS, 100);
        first.add(new Object[] {1});
        second.add(new Object[] {2});

        long firstId = first.finish(false, Duration.ofMillis(1));
        long secondId = second.finish(false, Duration.ofMillis(1));
        second.close();

        assertThat(secondId).isEqualTo(firstId);
        assertThat(results.resultOfJob(job)).contains(firstId);
        assertThat(results.rows(results.get(firstId), 0, 10)).singleElement().satisfies(row -> assertThat(row[0]).isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM query_results WHERE query_hash = ?").param(hash).query(Long.class).single())
                .as("the second run's rows are thrown away").isEqualTo(1);
    }

    @Test
    void aJobWithoutAResultHasNone() {
        assertThat(results.resultOfJob(UUID.randomUUID().toString())).isEmpty();
    }
}
