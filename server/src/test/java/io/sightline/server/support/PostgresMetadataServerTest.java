package io.sightline.server.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server with its metadata store on the machine's real PostgreSQL, in a database of its own
 * ({@value #DATABASE}, created afresh for each test run), so the Flyway migrations run on PostgreSQL too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PostgresMetadataServerTest {

    public static final String DATABASE = "sightline_it_metadata";
    public static final String ADMIN_KEY = "it-pg-admin-key-0123456789";
    private static final Path DATA_DIR = EmbeddedServerTest.tempDir("sightline-pg-");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("sightline.database-url", () -> {
            recreateDatabase();
            return "postgresql://postgres@127.0.0.1:5432/" + DATABASE;
        });
        registry.add("sightline.data-dir", DATA_DIR::toString);
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.redis-url", () -> "");
        StallTolerance.register(registry);
    }

    private static synchronized void recreateDatabase() {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests need PostgreSQL on 127.0.0.1:5432: " + e.getMessage(), e);
        }
    }

    protected Api api() {
        return new Api(port, ADMIN_KEY);
    }
}
