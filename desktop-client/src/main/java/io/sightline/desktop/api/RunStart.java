package io.sightline.desktop.api;

import io.sightline.common.api.execution.Job;

/** What {@code POST /api/query_results} answered: a job to follow, or a result that is ready. */
public sealed interface RunStart {

    record Queued(Job job) implements RunStart {
    }

    record Ready(long resultId) implements RunStart {
    }
}
