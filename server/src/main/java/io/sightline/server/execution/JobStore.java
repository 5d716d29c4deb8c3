package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Where job state lives, visible to every API process; in-memory in embedded mode. */
public interface JobStore {

    /**
     * The job already running this SQL on this data source, or else the new job from {@code create}, saved as
     * started by {@code userId} (who alone, besides admins, may cancel it). Atomic: two callers racing with the same
     * key get the same job.
     */
    Joined createOrJoin(long dataSourceId, String queryHash, long userId, Supplier<Job> create);

    Optional<Job> find(String id);

    /** The job with the user who started it, for deciding who may see and cancel it. */
    Optional<Owned> findOwned(String id);

    /** The job once it has ended, or as it is when {@code timeout} has passed first. */
    Job awaitEnd(String id, Duration timeout);

    /** Applies {@code change} atomically; a job that has ended does not change any more. */
    Job update(String id, UnaryOperator<Job> change);

    /**
     * Asks whichever process runs the job to stop its statement; false when this store cannot reach other
     * processes, so the caller stops an in-process worker directly through {@link RunningStatements}.
     */
    default boolean requestCancel(String id) {
        return false;
    }

    record Joined(Job job, boolean created) {
    }

    /** @param userId who started the job; null for a job stored by a version that did not record it */
    record Owned(Job job, Long userId) {
    }
}
