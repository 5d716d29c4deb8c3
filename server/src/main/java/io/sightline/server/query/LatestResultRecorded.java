package io.sightline.server.query;

/**
 * A saved query now points at a new result: published synchronously, in the process that ran the query, after the
 * query was updated. Alerts listen to it; listeners must not throw (the run's other listeners come after them).
 */
public record LatestResultRecorded(long queryId, long queryResultId) {
}
