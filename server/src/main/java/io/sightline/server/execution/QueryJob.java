package io.sightline.server.execution;

/** The work a worker does for one job: the final SQL on one data source. */
public record QueryJob(String jobId, long dataSourceId, String queryHash, String sql, Long queryId, long userId) {
}
