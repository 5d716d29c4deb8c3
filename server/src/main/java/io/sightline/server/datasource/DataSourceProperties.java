package io.sightline.server.datasource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for data sources; a data source's own {@code row_limit}, {@code query_timeout} and
 * {@code max_connections} options override them.
 *
 * @param defaultRowLimit rows a query result keeps at most
 * @param defaultTimeLimit how long a query may run
 * @param defaultMaxConnections size of a data source's connection pool
 * @param connectTimeout how long connecting (and the connection test) may take
 * @param poolWaitTimeout how long a caller waits for a free pooled connection before failing
 */
@ConfigurationProperties("sightline.datasource")
@Validated
record DataSourceProperties(
        @Min(1) int defaultRowLimit,
        @NotNull Duration defaultTimeLimit,
        @Min(1) @Max(50) int defaultMaxConnections,
        @NotNull Duration connectTimeout,
        @NotNull Duration poolWaitTimeout) {
}
