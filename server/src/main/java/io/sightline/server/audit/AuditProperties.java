package io.sightline.server.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention events older than this are deleted by the daily pass (default 365 days)
 * @param retentionInterval how often scheduler processes run that pass
 * @param exportLag the export leaves out events younger than this, so that an event whose transaction commits
 *                  after a later-numbered one has committed is not skipped by a cursor already past it
 */
@ConfigurationProperties("sightline.audit")
@Validated
public record AuditProperties(@NotNull Duration retention, @NotNull Duration retentionInterval,
                              @NotNull Duration exportLag) {
}
