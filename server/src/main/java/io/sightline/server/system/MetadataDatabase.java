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
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metadata store: PostgreSQL when a URL is configured, otherwise an H2 file database in the
 * data directory. Redash-style URLs ({@code postgresql://user:pass@host:5432/db}) are accepted as well
 * as JDBC URLs.
 */
@Configuration(proxyBeanMethods = false)
class MetadataDatabase {

    @Bean
    DataSource dataSource(SightlineProperties properties) {
        HikariConfig config = properties.embeddedMetadata()
                ? embedded(properties.dataDir())
                : fromUrl(properties.databaseUrl().trim());
        config.setPoolName("metadata");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
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
