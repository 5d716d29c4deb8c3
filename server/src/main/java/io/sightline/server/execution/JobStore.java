package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Where job state lives, visible to every API process; in-memory in embedded mode. */
interface JobStore {

    /**
     * The job already running this SQL on this data source, or else the new job from {@code create}, saved.
     * Atomic: two callers racing with the same key get the same job.
     */
    Joined createOrJoin(long dataSourceId, String queryHash, Supplier<Job> create);

    Optional<Job> find(String id);

    /** Applies {@code change} atomically; a job that has ended does not change any more. */
    Job update(String id, UnaryOperator<Job> change);

    record Joined(Job job, boolean created) {
    }
}
