package io.sightline.server.datasource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for data sources; a data source's own {@code row_limit}, {@code query_timeout},
 * {@code max_connections} and {@code concurrency_limit} options override them.
 *
 * @param defaultRowLimit rows a query result keeps at most
 * @param defaultTimeLimit how long a query may run
 * @param defaultMaxConnections size of a data source's connection pool (in each worker process)
 * @param defaultConcurrencyLimit queries that run at once on one data source, counted across every worker
 *                                process (0: no limit); more wait in the queue, still {@code queued}
 * @param connectTimeout how long connecting (and the connection test) may take
 * @param poolWaitTimeout how long a caller waits for a free pooled connection before failing
 */
@ConfigurationProperties("sightline.datasource")
@Validated
record DataSourceProperties(
        @Min(1) int defaultRowLimit,
        @NotNull Duration defaultTimeLimit,
        @Min(1) @Max(50) int defaultMaxConnections,
        @Min(0) @Max(1000) int defaultConcurrencyLimit,
        @NotNull Duration connectTimeout,
        @NotNull Duration poolWaitTimeout) {
}
