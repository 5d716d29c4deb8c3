package io.sightline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar running as a child JVM, configured as a deployment would be: through its
 * {@code SIGHTLINE_*} environment. Its output goes to a log file under {@code bench/target/bench-logs}.
 */
final class ServerProcess implements AutoCloseable {

    /** The same for every process, so that the paths compare like with like. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    /** Minutes rather than seconds: on a 2-core machine shared with other builds a Spring Boot start can take that. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code environment} added to this JVM's; call {@link #awaitHealthy()} before use. */
    static ServerProcess start(String name, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path logs = Path.of("bench", "target", "bench-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Path dataDir = Files.createTempDirectory("sightline-bench-" + name + "-");
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        if (profiled(name)) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logs.resolve(name + ".jfr").toAbsolutePath());
        }
        command.addAll(List.of("-jar", serverJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // only what is given here: nothing from the shell this bench runs in (a REDASH_REDIS_URL, say)
        builder.environment().keySet().removeIf(key -> key.startsWith("SIGHTLINE_") || key.startsWith("REDASH_"));
        builder.environment().putAll(environment);
        builder.environment().put("SIGHTLINE_PORT", Integer.toString(port));
        builder.environment().put("SIGHTLINE_DATA_DIR", dataDir.toString());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServerProcess(name, builder.start(), port, log);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** CPU time (user + system) the process has used so far; zero once it has exited. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    ServerProcess awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build();
                HttpResponse<Void> health = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + STARTUP_LIMIT.toSeconds() + " s; see " + log);
    }

    /** SIGTERM, as an orchestrator stops a pod; SIGKILL if it has not exited after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Whether to record the process with Java Flight Recorder: {@code SIGHTLINE_BENCH_JFR} names the processes, comma
     * separated ({@code api}, {@code worker-1}, {@code embedded}...), the recording goes beside the log
     * ({@code bench/target/bench-logs/<name>.jfr}). It costs the recorded process a little CPU: not for the figures.
     */
    private static boolean profiled(String name) {
        String names = System.getenv().getOrDefault("SIGHTLINE_BENCH_JFR", "");
        return List.of(names.split(",")).contains(name);
    }

    /** The exec jar that {@code mvn package} built ({@code -Dsightline.server.jar} overrides it). */
    private static Path serverJar() throws IOException {
        String configured = System.getProperty("sightline.server.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("server", "target"))) {
            return files.filter(p -> p.getFileName().toString().matches("sightline-server-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No server/target/sightline-server-*-exec.jar: "
                            + "run ./sightline bench from the repository root (it builds the jar)"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
