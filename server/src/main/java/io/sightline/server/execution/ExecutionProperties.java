package io.sightline.server.execution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param workerThreads queries run at once by the in-process workers
 * @param fetchSize rows the JDBC driver fetches per round trip while streaming
 * @param jobRetention how long an ended job stays visible at {@code /api/jobs/{id}}
 * @param answerWithin how long a run request waits for its job: a query that ends within it is answered with
 *                     its result at once (Redash clients take a {@code query_result} answer as they take a cached
 *                     one), a slower one with the job to poll; zero never waits
 */
@ConfigurationProperties("sightline.execution")
@Validated
public record ExecutionProperties(@Min(1) int workerThreads, @Min(1) int fetchSize, @NotNull Duration jobRetention,
                           @NotNull Duration answerWithin) {
}
