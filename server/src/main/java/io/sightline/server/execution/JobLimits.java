package io.sightline.server.execution;

import io.sightline.server.system.ApiException;
import io.sightline.server.system.LimitsProperties;
import org.springframework.http.HttpStatus;

/** The 429 answers of the queue limits, each naming the limit, its value and its setting. */
public final class JobLimits {

    private JobLimits() {
    }

    public static ApiException tooManyJobs(int limit) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "You have " + LimitsProperties.count(limit)
                + " queries queued or running, the limit per user (sightline.limits.max-jobs-per-user,"
                + " SIGHTLINE_MAX_JOBS_PER_USER); wait for one to finish or cancel one, then run again");
    }

    public static ApiException queueFull(String queue, int limit) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, queue + " holds " + LimitsProperties.count(limit)
                + " jobs, its limit (sightline.limits.max-queue-length, SIGHTLINE_MAX_QUEUE_LENGTH); try again"
                + " once it has drained");
    }
}
