package io.sightline.server.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param tick how often a scheduler process looks for due refreshes (also the most a run can start late)
 * @param minInterval the shortest {@code schedule.interval} a query may be saved with (Redash: one minute)
 * @param maxBackoff after failures a schedule waits {@code interval × 2^failures}, but never longer than this
 *                   (or than one interval, for intervals longer than this)
 */
@ConfigurationProperties("sightline.scheduler")
@Validated
record SchedulerProperties(@NotNull Duration tick, @NotNull Duration minInterval, @NotNull Duration maxBackoff) {
}
