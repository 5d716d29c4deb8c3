package io.sightline.desktop.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real server, started once per test JVM as a child process from its executable jar (the client never
 * loads server code), with a temporary data directory, a free port and a known admin key and password. It is stopped when
 * the JVM ends. The admin can also sign in with {@link #ADMIN_EMAIL} and {@link #ADMIN_PASSWORD}. Build the jar first ({@code mvn -DskipTests -pl server -am package}); {@code mvn verify} of the
 * whole project packages the server before this module's tests run.
 */
public final class TestServer {

    public static final String ADMIN_KEY = "desktop-test-admin-key-0123456789";
    public static final String ADMIN_EMAIL = "admin@sightline.local";
    public static final String ADMIN_PASSWORD = "desktop test password";
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static TestServer instance;

    private final Process process;
    private final String url;
    private final Path dataDir;

    private TestServer(Process process, String url, Path dataDir) {
        this.process = process;
        this.url = url;
        this.dataDir = dataDir;
    }

    /** The running server, started on first use. */
    public static synchronized TestServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-test-server"));
        }
        return instance;
    }

    public String url() {
        return url;
    }

    private static TestServer start() {
        Path jar = findJar();
        try {
            Path dataDir = Files.createTempDirectory("sightline-desktop-test-");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
            builder.environment().put("SIGHTLINE_DATA_DIR", dataDir.toString());
            builder.environment().put("SIGHTLINE_PORT", Integer.toString(port));
            builder.environment().put("SIGHTLINE_ADMIN_API_KEY", ADMIN_KEY);
            builder.environment().put("SIGHTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // the audit export holds back the last seconds' events by default; the tests export what they just did
            builder.environment().put("SIGHTLINE_AUDIT_EXPORT_LAG", "0s");
            builder.redirectErrorStream(true);
            builder.redirectOutput(dataDir.resolve("server.log").toFile());
            Process process = builder.start();
            TestServer server = new TestServer(process, "http://localhost:" + port, dataDir);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up means: /ping answers and the demo data source with its queries exists (created just after start). */
    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("server.log"));
            }
            try {
                HttpResponse<String> queries = http.send(HttpRequest.newBuilder(URI.create(url + "/api/queries"))
                        .header("Authorization", "Key " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> sources = http.send(HttpRequest.newBuilder(URI.create(url + "/api/data_sources"))
                        .header("Authorization", "Key " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
                if (queries.statusCode() == 200 && !queries.body().contains("\"count\":0")
                        && sources.body().contains("Demo sales")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("The server did not get ready within " + START_LIMIT + "; see "
                + dataDir.resolve("server.log"));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static Path findJar() {
        Path dir = Path.of(System.getProperty("sightline.server.jar.dir", "../server/target"));
        File[] jars = dir.toFile().listFiles((d, name) -> name.startsWith("sightline-server-")
                && name.endsWith("-exec.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No server jar in " + dir.toAbsolutePath() + ": build it first with"
                    + " mvn -B -DskipTests -pl server -am package (mvn verify of the whole project does this)");
        }
        return Arrays.stream(jars).max(Comparator.comparingLong(File::lastModified)).orElseThrow().toPath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
