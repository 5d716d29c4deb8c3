package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Job state transitions, as pure functions over the immutable {@link Job}. */
public final class Jobs {

    private Jobs() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static Job queued(String id, long dataSourceId, String queryHash) {
        OffsetDateTime now = now();
        return new Job(id, JobStatus.QUEUED, null, null, null, now, now, null, dataSourceId, queryHash);
    }

    public static Job started(Job job) {
        OffsetDateTime now = now();
        return new Job(job.id(), JobStatus.STARTED, null, null, null, now, job.createdAt(), now,
                job.dataSourceId(), job.queryHash());
    }

    static Job finished(Job job, long resultId) {
        return new Job(job.id(), JobStatus.FINISHED, null, resultId, resultId, now(), job.createdAt(),
                job.startedAt(), job.dataSourceId(), job.queryHash());
    }

    public static Job failed(Job job, String error) {
        return new Job(job.id(), JobStatus.FAILED, error, null, null, now(), job.createdAt(), job.startedAt(),
                job.dataSourceId(), job.queryHash());
    }

    static Job cancelled(Job job) {
        return new Job(job.id(), JobStatus.CANCELLED, Job.CANCELLED_ERROR, null, null, now(), job.createdAt(),
                job.startedAt(), job.dataSourceId(), job.queryHash());
    }
}
