package io.sightline.server.execution.redis;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Redis queue and job store (used only when {@code sightline.redis-url} is set).
 *
 * @param keyPrefix every key Sightline writes starts with it, so several installations (or tests) share a Redis
 * @param visibilityTimeout a job taken by a worker that has not shown a sign of life for this long is taken over
 *                          by another worker; live workers renew their jobs every {@code heartbeat}
 * @param heartbeat how often a worker renews its jobs, its in-flight locks and its own presence key
 * @param maxDeliveries a job handed to this many workers that all died is failed instead of retried again
 * @param lockTtl how long the in-flight de-duplication lock of a running job lives without renewal by its worker
 *                (at least twice {@code visibilityTimeout}); the lock of a job waiting in the queue lives as long
 *                as the job
 * @param scheduledWorkerThreads worker threads for the {@code scheduled} queue, beside
 *                               {@code sightline.execution.worker-threads} for {@code adhoc}, so refreshes
 *                               cannot starve interactive runs
 * @param shutdownGrace how long a stopping worker lets its running jobs finish; what is left is taken over
 *                      by another worker after the visibility timeout
 */
@ConfigurationProperties("sightline.redis")
@Validated
record RedisQueueProperties(@NotNull String keyPrefix, @NotNull Duration visibilityTimeout, @NotNull Duration heartbeat,
                            @Min(1) int maxDeliveries, @NotNull Duration lockTtl, @Min(0) int scheduledWorkerThreads,
                            @NotNull Duration shutdownGrace) {
}
