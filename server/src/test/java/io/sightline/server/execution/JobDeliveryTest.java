package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.result.ResultStore;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job taken over from a worker that died after storing its result ends with that result, without running the
 * query again; a job delivered the first time is run without looking for one (it cannot have any, so a result stored
 * for it here shows that none was looked for).
 */
class JobDeliveryTest extends EmbeddedServerTest {

    /** No such data source: a run of the job fails, so an answer with the stored result proves nothing ran. */
    private static final long MISSING_DATA_SOURCE = 987_654_321L;

    @Autowired
    private QueryExecutor executor;
    @Autowired
    private JobStore jobs;
    @Autowired
    private ResultStore results;

    @Test
    void aJobDeliveredAgainEndsWithTheResultItsEarlierRunStored() {
        QueryJob job = queuedJob();
        long stored = storeResultOf(job);

        executor.execute(job, "adhoc", QueryExecutor.Delivery.AGAIN);

        Job ended = jobs.find(job.jobId()).orElseThrow();
        assertThat(ended.status()).as(ended.toString()).isEqualTo(JobStatus.FINISHED);
        assertThat(ended.queryResultId()).isEqualTo(stored);
    }

    @Test
    void aJobDeliveredTheFirstTimeIsRun() {
        QueryJob job = queuedJob();
        storeResultOf(job); // not looked for: a first delivery runs the query, which fails here

        executor.execute(job, "adhoc", QueryExecutor.Delivery.FIRST);

        Job ended = jobs.find(job.jobId()).orElseThrow();
        assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
        assertThat(ended.error()).contains("does not exist");
    }

    private QueryJob queuedJob() {
        String hash = "delivery-" + UUID.randomUUID();
        Job job = jobs.createOrJoin(MISSING_DATA_SOURCE, hash, 1, () -> Jobs.queued(UUID.randomUUID().toString(),
                MISSING_DATA_SOURCE, hash)).job();
        return new QueryJob(job.id(), MISSING_DATA_SOURCE, hash, "SELECT 1 AS n", null, 1, false);
    }

    private long storeResultOf(QueryJob job) {
        var writer = results.open(job.jobId(), 1, job.queryHash(), job.sql(),
                List.of(new Column("n", "n", ColumnType.INTEGER)), 100);
        writer.add(new Object[] {1});
        return writer.finish(false, Duration.ofMillis(1));
    }
}
