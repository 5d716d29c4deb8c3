package io.sightline.server.execution;

import io.sightline.common.api.execution.JobStatus;
import java.time.Duration;

/**
 * Published when a job ends, whatever the outcome; alerts, audit, metrics and saved queries listen to it,
 * execution knows none of them.
 *
 * @param queue the queue the job came from: {@code adhoc} or {@code scheduled} with Redis, {@code in-process} embedded
 * @param queryId the saved query that was run, or null for ad-hoc SQL
 * @param queryResultId the stored result when {@code outcome} is FINISHED, else null
 * @param userId whom the run was for (the scheduled refresh's query owner)
 */
public record QueryRunCompleted(String jobId, long dataSourceId, String queue, Long queryId, String queryHash,
                                JobStatus outcome, Long queryResultId, String error, Duration runtime,
                                long userId) {
}
