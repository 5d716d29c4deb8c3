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
 */
@ConfigurationProperties("sightline.execution")
@Validated
record ExecutionProperties(@Min(1) int workerThreads, @Min(1) int fetchSize, @NotNull Duration jobRetention) {
}
