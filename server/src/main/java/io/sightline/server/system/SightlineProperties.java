package io.sightline.server.system;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The process-wide settings. Empty strings mean "not configured": the embedded default is used.
 *
 * @param dataDir where the embedded metadata database, the key file and the demo data live
 * @param databaseUrl metadata store; JDBC URL or {@code postgresql://user:pass@host:port/db}; empty = embedded H2
 * @param redisUrl Redis for the queue and cache; empty = in-process
 * @param secretKey key material for encrypting data source credentials; empty = generated key file
 * @param adminApiKey API key of the bootstrap admin; empty = generated on first start
 * @param role which parts of the server run in this process
 * @param demoData whether to create the demo data source on first start
 */
@ConfigurationProperties("sightline")
@Validated
public record SightlineProperties(
        @NotNull Path dataDir,
        String databaseUrl,
        String redisUrl,
        String secretKey,
        String adminApiKey,
        String adminEmail,
        String adminPassword,
        @NotNull Role role,
        @NotNull DemoData demoData) {

    public enum Role { ALL, API, WORKER, SCHEDULER }

    public SightlineProperties {
        if ((role == Role.API || role == Role.WORKER) && (redisUrl == null || redisUrl.isBlank())) {
            // an api process must not run queries and a worker has no one to take jobs from: both need the shared queue
            throw new IllegalArgumentException("Role " + role.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs Redis for its queue: set sightline.redis-url (SIGHTLINE_REDIS_URL)");
        }
    }

    /** Whether the first start creates the "Demo sales" data source: by default only in embedded mode. */
    public enum DemoData {
        AUTO, ALWAYS, NEVER;

        public boolean enabled(boolean embedded) {
            return this == ALWAYS || this == AUTO && embedded;
        }
    }

    public boolean embeddedMetadata() {
        return databaseUrl == null || databaseUrl.isBlank();
    }
}
