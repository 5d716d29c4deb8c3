package io.sightline.server.alert;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param baseUrl how users reach this server, for the links in notifications ({@code ALERT_URL}, {@code QUERY_URL})
 * @param deliveryTick how often a delivering process (role all or worker) looks for due notifications; a new one is
 *                     also sent at once by the process whose evaluation wrote it
 * @param maxAttempts attempts per notification before it is given up (status {@code failed})
 * @param firstRetry the wait after the first failed attempt; it doubles after each further one
 * @param maxRetry the longest wait between two attempts
 * @param lease how long a claimed notification is left to its process before another may take it over
 */
@ConfigurationProperties("sightline.alerts")
@Validated
record AlertProperties(@NotNull String baseUrl, @NotNull Duration deliveryTick, @Min(1) int maxAttempts,
                       @NotNull Duration firstRetry, @NotNull Duration maxRetry, @NotNull Duration lease) {

    String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code firstRetry × 2^(attempts-1)}, at most {@code maxRetry}. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
