package io.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server jar running as a child JVM, configured as a deployment would be: through its
 * {@code SIGHTLINE_*} environment. Its output goes to a log file under {@code bench/target/bench-logs}.
 */
final class ServerProcess implements AutoCloseable {

    /** The same for every process, so that the paths compare like with like. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    /** Minutes rather than seconds: on a 2-core machine shared with other builds a Spring Boot start can take that. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

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
        return start(name, environment, serverJar());
    }

    /** As {@link #start(String, Map)}, from the exec jar {@code jar} (two builds compared in one run). */
    static ServerProcess start(String name, Map<String, String> environment, Path jar) throws IOException {
        int port = LocalServer.freePort();
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
        command.addAll(List.of("-jar", jar.toString()));
        // only what is given here: nothing from the shell this bench runs in
        ProcessBuilder builder = LocalServer.builder(command, environment);
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

    ServerProcess awaitHealthy() throws InterruptedException {
        return switch (LocalServer.awaitOk(process, port, "/actuator/health", STARTUP_LIMIT)) {
            case ANSWERED -> this;
            case EXITED -> throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            case TIMED_OUT -> throw new IllegalStateException(
                    name + " did not become healthy within " + STARTUP_LIMIT.toSeconds() + " s; see " + log);
        };
    }

    /** SIGTERM, as an orchestrator stops a pod; SIGKILL if it has not exited after 30 s. */
    @Override
    public void close() throws InterruptedException {
        LocalServer.stop(process);
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
    static Path serverJar() throws IOException {
        String configured = System.getProperty("sightline.server.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        return LocalServer.execJar(Path.of("server", "target"))
                .orElseThrow(() -> new IllegalStateException("No server/target/sightline-server-*-exec.jar: "
                        + "run ./sightline bench from the repository root (it builds the jar)"));
    }
}
