package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;

/** What a run request gets: a stored result (cached, or the run ended quickly), or a job to poll. */
public sealed interface RunAnswer {

    record Cached(long queryResultId) implements RunAnswer {
    }

    record Queued(Job job) implements RunAnswer {
    }
}
