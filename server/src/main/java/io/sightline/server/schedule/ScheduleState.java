package io.sightline.server.schedule;

import java.time.Instant;

/** A row of {@code query_schedules}: where one query's schedule stands. */
record ScheduleState(long queryId, String schedule, long generation, Instant nextRunAt, Instant lastRunAt,
                     String jobId) {
}
