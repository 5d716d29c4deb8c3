package io.sightline.server.support;

import io.sightline.server.SightlineServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One server process of a production-mode test that runs several of them (roles api, worker, scheduler, all) on a
 * PostgreSQL metadata database of the test's own, on the shared PostgreSQL: a Spring context on a spare port, with
 * a data directory of its own and no demo data. Redis stays off unless the test names its URL and key prefix.
 */
public final class ServerProcess {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final Map<String, Object> properties = new LinkedHashMap<>();

    private ServerProcess(String role, String database, String adminKey) {
        properties.put("server.port", "0");
        properties.put("sightline.role", role);
        properties.put("sightline.database-url", "postgresql://postgres@127.0.0.1:5432/" + database);
        properties.put("sightline.redis-url", "");
        properties.put("sightline.secret-key", "it-" + database + "-secret-0123456789abcdef");
        properties.put("sightline.admin-api-key", adminKey);
        properties.put("sightline.demo-data", "never");
    }

    /** A process of {@code role} on metadata database {@code database}, whose admin key is {@code adminKey}. */
    public static ServerProcess of(String role, String database, String adminKey) {
        return new ServerProcess(role, database, adminKey);
    }

    /** Queue and cache on the shared Redis, under a key prefix of the test's own (see {@link OwnRedisKeys}). */
    public ServerProcess redis(String keyPrefix) {
        return with("sightline.redis-url", OwnRedisKeys.REDIS_URL).with("sightline.redis.key-prefix", keyPrefix);
    }

    public ServerProcess with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public ConfigurableApplicationContext start() {
        try {
            properties.put("sightline.data-dir", Files.createTempDirectory(
                    "sightline-" + properties.get("sightline.role") + "-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as command-line arguments: they outrank application.yml (default properties would not)
        return new SpringApplicationBuilder(SightlineServer.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** The API of a started process, as its admin. */
    public static Api api(ConfigurableApplicationContext process, String adminKey) {
        return new Api(Integer.parseInt(process.getEnvironment().getProperty("local.server.port")), adminKey);
    }

    /** Drops {@code database} if an earlier run left it, and creates it empty. */
    public static void freshDatabase(String database) throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    public static void dropDatabase(String database) throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Closes the processes that started, the last first. */
    public static void close(ConfigurableApplicationContext... processes) {
        for (int i = processes.length - 1; i >= 0; i--) {
            if (processes[i] != null) {
                processes[i].close();
            }
        }
    }
}
