package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import java.util.Optional;

/**
 * The per-user cap on queued and running jobs ({@code sightline.limits.max-jobs-per-user}): a run that would
 * create a new job for a user who has that many unfinished ones is refused with 429. A run that joins an
 * identical run in flight creates no job and is not counted; scheduled refreshes are not counted either (no one
 * waits for them and the scheduler paces them).
 */
public interface UserJobs {

    /**
     * Counts {@code jobId} as one of the user's unfinished jobs; jobs that have ended (or expired) no longer count.
     *
     * @throws io.sightline.server.system.ApiException 429 when the user is at the limit
     */
    void admit(long userId, String jobId);

    /** How long a job admitted but not (yet) found in the job store still counts: it is being created. */
    long CREATING_MILLIS = 30_000;

    /** Whether an admitted job no longer counts: it ended, or it is not in the store long after its admission. */
    static boolean gone(Optional<Job> job, long admittedAtMillis, long nowMillis) {
        return job.map(j -> j.status().ended()).orElse(nowMillis - admittedAtMillis > CREATING_MILLIS);
    }
}
