package io.sightline.server.execution;

import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.query.SavedQueries;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A saved query's latest result is the last one any run of it produced. */
@Component
class LatestResultRecorder {

    private final SavedQueries savedQueries;

    LatestResultRecorder(SavedQueries savedQueries) {
        this.savedQueries = savedQueries;
    }

    @EventListener
    void on(QueryRunCompleted run) {
        if (run.outcome() == JobStatus.FINISHED && run.queryId() != null) {
            savedQueries.recordLatestResult(run.queryId(), run.queryResultId());
        }
    }
}
