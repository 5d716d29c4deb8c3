package io.sightline.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server with no configuration but a data directory of its own (embedded H2, in-process queue,
 * demo data), on a random port. Subclasses share one running server: keep their data independent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedServerTest {

    public static final String ADMIN_KEY = "it-admin-key-0123456789";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final Path DATA_DIR = tempDir("sightline-embedded-");
    /** The server's own mail server, where alert subscriptions without a destination are emailed. */
    public static final int MAIL_PORT = freePort();
    public static final String MAIL_FROM = "sightline@sightline.test";
    /** The directory data source secrets may be read from as {@code file:} references (decision 0048). */
    public static final Path SECRET_FILES = tempDir("sightline-secret-files-");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("sightline.data-dir", DATA_DIR::toString);
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.admin-password", () -> ADMIN_PASSWORD);
        registry.add("sightline.database-url", () -> "");
        registry.add("sightline.redis-url", () -> "");
        StallTolerance.register(registry);
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        // schedules in seconds, not minutes, so schedule tests run quickly
        registry.add("sightline.scheduler.tick", () -> "200ms");
        registry.add("sightline.scheduler.min-interval", () -> "1s");
        registry.add("sightline.scheduler.max-backoff", () -> "3s");
        // alert notifications retried within a second or two, so delivery tests run quickly
        registry.add("sightline.alerts.delivery-tick", () -> "200ms");
        registry.add("sightline.alerts.first-retry", () -> "300ms");
        registry.add("sightline.alerts.max-retry", () -> "1s");
        registry.add("sightline.mail.host", () -> "127.0.0.1");
        registry.add("sightline.mail.port", () -> MAIL_PORT);
        registry.add("sightline.mail.from", () -> MAIL_FROM);
        registry.add("sightline.secret-references.directories", SECRET_FILES::toString);
    }

    protected Api api() {
        return new Api(port, ADMIN_KEY);
    }

    protected Api anonymous() {
        return new Api(port, null);
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
