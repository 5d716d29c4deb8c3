package io.sightline.server.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.server.execution.QueryRunCompleted;
import io.sightline.server.query.QuerySchedule;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.ApiException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What became of scheduled refreshes, in whichever process ran them (a worker, or the embedded server): a
 * success points the query at the new result and clears its failures; a failure is counted and shown on the
 * query, logged once, and pushes the next run back. A schedule is never switched off for failing.
 */
@Component
class ScheduleOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ScheduleOutcomes.class);
    static final int MAX_ERROR_CHARS = 2_000;

    private final ScheduleRepository schedules;
    private final SavedQueries savedQueries;
    private final RunTimes times;
    private final Counter finished;
    private final Counter failed;

    ScheduleOutcomes(ScheduleRepository schedules, SavedQueries savedQueries, SchedulerProperties properties,
                     MeterRegistry meters) {
        this.schedules = schedules;
        this.savedQueries = savedQueries;
        this.times = new RunTimes(Clock.systemUTC(), properties.maxBackoff());
        this.finished = counter(meters, "finished");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("sightline.scheduled.runs").description("Scheduled refreshes that ended, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @EventListener
    void on(QueryRunCompleted run) {
        settle(run.jobId(), run.outcome(), run.queryResultId(), run.error());
    }

    /** A run that ended; nothing happens unless it was a scheduled refresh not yet settled. */
    void settle(String jobId, JobStatus outcome, Long queryResultId, String error) {
        for (ScheduleState state : schedules.takeJob(jobId)) {
            if (outcome == JobStatus.FINISHED) {
                succeeded(state.queryId(), queryResultId);
            } else {
                failed(state, outcome == JobStatus.CANCELLED && (error == null || error.isEmpty()) ? "The run was cancelled" : error);
            }
        }
    }

    /** A refresh that could not even be enqueued (query gone, data source paused, bad default value...). */
    void notEnqueued(long queryId, String jobId, String error) {
        schedules.takeJob(jobId).stream().filter(state -> state.queryId() == queryId)
                .forEach(state -> failed(state, error));
    }

    private void succeeded(long queryId, Long queryResultId) {
        finished.increment();
        try {
            // also when the refresh joined another query's identical run: that run's event named the other query
            savedQueries.recordLatestResult(queryId, queryResultId);
            savedQueries.recordScheduledRun(queryId, null);
        } catch (ApiException e) {
            log.debug("Query {} was deleted while its scheduled refresh ran", queryId);
        }
    }

    private void failed(ScheduleState state, String error) {
        failed.increment();
        String message = error == null || error.isBlank() ? "The run failed without a message" : error;
        if (message.length() > MAX_ERROR_CHARS) {
            message = message.substring(0, MAX_ERROR_CHARS) + "…";
        }
        var failures = savedQueries.recordScheduledRun(state.queryId(), message);
        if (failures.isEmpty()) {
            return; // the query is gone
        }
        String next = "unchanged";
        try {
            QuerySchedule schedule = QuerySchedule.read(state.schedule());
            if (schedule.scheduled()) {
                Instant lastRun = state.lastRunAt() != null ? state.lastRunAt() : times.now();
                Instant retry = times.backedOff(schedule, lastRun, failures.get(), state.nextRunAt());
                schedules.postpone(state.queryId(), retry);
                next = retry.toString();
            }
        } catch (ApiException e) {
            next = "unchanged (" + e.getMessage() + ")";
        }
        log.warn("Scheduled refresh of query {} failed ({} in a row; next run {}): {}", state.queryId(),
                failures.get(), next, message);
    }
}
