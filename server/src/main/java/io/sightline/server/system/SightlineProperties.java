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
        @NotNull Role role) {

    public enum Role { ALL, API, WORKER, SCHEDULER }

    public boolean embeddedMetadata() {
        return databaseUrl == null || databaseUrl.isBlank();
    }
}
