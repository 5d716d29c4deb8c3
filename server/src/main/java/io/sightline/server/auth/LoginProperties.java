package io.sightline.server.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How password logins are throttled.
 *
 * @param maxFailuresPerAccount failed logins for one email within {@code window} before it is locked
 * @param maxFailuresPerAddress failed logins from one client address within {@code window} before it is locked
 * @param window how long failures are counted
 * @param lockout how long a locked account or address is refused (even with the right password)
 */
@ConfigurationProperties("sightline.login")
@Validated
record LoginProperties(@Positive int maxFailuresPerAccount, @Positive int maxFailuresPerAddress,
                       @NotNull Duration window, @NotNull Duration lockout) {
}
