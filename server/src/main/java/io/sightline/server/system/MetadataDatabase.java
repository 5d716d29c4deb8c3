package io.sightline.server.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metadata store: PostgreSQL when a URL is configured, otherwise an H2 file database in the
 * data directory. Redash-style URLs ({@code postgresql://user:pass@host:5432/db}) are accepted as well
 * as JDBC URLs.
 */
@Configuration(proxyBeanMethods = false)
class MetadataDatabase {

    static final String POOL_NAME = "metadata";

    /**
     * The gate in front of the pool: while the store's background check fails, asking for a connection fails at
     * once (503) instead of every request waiting out the connection timeout.
     */
    @Bean
    MetadataStoreGate dataSource(SightlineProperties properties, MetadataPoolProperties pool,
                                 @Value("${sightline.database-password:}") String password) {
        HikariConfig config = properties.embeddedMetadata()
                ? embedded(properties.dataDir())
                : fromUrl(properties.databaseUrl().trim());
        if (!properties.embeddedMetadata() && !password.isEmpty()) {
            config.setPassword(password); // SIGHTLINE_DATABASE_PASSWORD, often a file: reference, over the URL's
        }
        config.setPoolName(POOL_NAME);
        config.setMaximumPoolSize(10);
        long timeout = pool.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        // checking a pooled connection before handing it out must fit in that wait (Hikari's minimum is 250 ms)
        config.setValidationTimeout(Math.max(250, Math.min(1_000, timeout / 2)));
        return new MetadataStoreGate(new HikariDataSource(config));
    }

    static HikariConfig embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("metadata")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // H2 would otherwise write every driver-level exception, with its stack trace, to a trace file
                + ";TRACE_LEVEL_FILE=0");
        config.setUsername("sa");
        config.setPassword("");
        return config;
    }

    static HikariConfig fromUrl(String url) {
        HikariConfig config = new HikariConfig();
        if (url.startsWith("jdbc:")) {
            config.setJdbcUrl(url);
            return config;
        }
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException("Unsupported metadata database URL scheme '" + scheme
                    + "': use a jdbc: URL or postgresql://user:password@host:port/database");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            config.setUsername(decode(parts[0]));
            if (parts.length > 1) {
                config.setPassword(decode(parts[1]));
            }
        }
        return config;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
