package io.sightline.server.query;

/**
 * A saved query that may run on a schedule, as the scheduler sees it.
 *
 * @param ownerId the user scheduled runs are made for (Redash: the query's owner)
 * @param scheduleJson the schedule as stored; the scheduler notices a change by comparing it
 * @param schedule {@code scheduleJson} read, or null when the stored text is not a valid schedule
 * @param problem why {@code schedule} is null, else null
 */
public record ScheduledQuery(long id, long ownerId, String scheduleJson, QuerySchedule schedule, String problem) {
}
