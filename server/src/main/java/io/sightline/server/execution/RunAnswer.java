package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;

/**
 * What a run request gets: a result from the cache; a job that ended with a result while the request waited; or a
 * job to poll. Only the cached answer has no job, as in Redash; a finished one is answered with both (decision
 * 0026), so clients that poll {@code job.id} and clients that read {@code query_result} both work.
 */
public sealed interface RunAnswer {

    record Cached(long queryResultId) implements RunAnswer {
    }

    /** The job has status 3 and names its result in {@code query_result_id}. */
    record Finished(Job job) implements RunAnswer {
    }

    record Queued(Job job) implements RunAnswer {
    }
}
