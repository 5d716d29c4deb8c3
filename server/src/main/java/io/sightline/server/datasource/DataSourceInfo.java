package io.sightline.server.datasource;

import java.time.Duration;

/**
 * What running a query on a data source needs to know: whether it is paused, and its limits (its own
 * {@code row_limit} / {@code query_timeout} options, else the server's defaults).
 */
public record DataSourceInfo(long id, String name, String type, boolean paused, String pauseReason, int rowLimit,
                             Duration timeLimit) {
}
