package io.sightline.ops.release;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.sightline.bench.LocalServer;
import io.sightline.ops.chart.RenderedChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process started the way a pod of the chart starts: the image's entrypoint script, the jar the build
 * made, and the environment the rendered container has (its ConfigMap, its values and its secret references
 * resolved from the rendered Secret). Only what a pod gets from Kubernetes itself differs on one machine: its
 * own port and its own data directory (a pod has its own network and emptyDir).
 */
public final class ServerProcess implements AutoCloseable {

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

    /** The environment of a rendered container, as Kubernetes would give it. */
    public static Map<String, String> environment(RenderedChart chart, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (var from : container.getEnvFrom()) {
            env.putAll(chart.get(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), var.getValue());
                continue;
            }
            var ref = var.getValueFrom().getSecretKeyRef();
            String encoded = chart.get(Secret.class, ref.getName()).getData().get(ref.getKey());
            if (encoded != null) {
                env.put(var.getName(), new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            } else if (!Boolean.TRUE.equals(ref.getOptional())) {
                throw new AssertionError("Secret key " + ref.getKey() + " missing for " + var.getName());
            }
        }
        return env;
    }

    public static Path entrypoint() {
        return RenderedChart.root().resolve("docker/entrypoint.sh");
    }

    public static Path serverJar() {
        try {
            return LocalServer.execJar(RenderedChart.root().resolve("server/target"))
                    .orElseThrow(() -> new AssertionError("No server jar: build the server first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the entrypoint with args and the pod's environment; returns its exit code (output in the log). */
    public static int run(String name, Map<String, String> podEnv, Path workDir, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = command(podEnv, workDir.resolve(name), LocalServer.freePort(), args);
        Path log = workDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    public static ServerProcess start(String name, Map<String, String> podEnv, Path workDir) throws IOException {
        int port = LocalServer.freePort();
        ProcessBuilder builder = command(podEnv, workDir.resolve(name), port, List.of());
        Path log = workDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServerProcess(name, builder.start(), port, log);
    }

    private static ProcessBuilder command(Map<String, String> podEnv, Path dataDir, int port, List<String> args)
            throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new java.util.ArrayList<>(List.of("sh", entrypoint().toString()));
        command.addAll(args);
        ProcessBuilder builder = LocalServer.builder(command, podEnv);
        Map<String, String> env = builder.environment();
        env.put("SIGHTLINE_JAR", serverJar().toString());
        env.put("SIGHTLINE_PORT", Integer.toString(port));
        env.put("SIGHTLINE_DATA_DIR", dataDir.toString());
        // the chart's heap share is of a pod's limit; here several servers share one machine
        env.put("JAVA_TOOL_OPTIONS", podEnv.getOrDefault("JAVA_TOOL_OPTIONS", "") + " -Xmx384m -XX:TieredStopAtLevel=1");
        return builder;
    }

    /** The image's HEALTHCHECK against this process: the entrypoint's exit code. */
    public int healthcheck(Path workDir) throws IOException, InterruptedException {
        ProcessBuilder builder = command(Map.of(), workDir.resolve(name + "-healthcheck"), port, List.of("healthcheck"));
        builder.redirectErrorStream(true).redirectOutput(workDir.resolve(name + "-healthcheck.log").toFile());
        Process check = builder.start();
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return -1;
        }
        return check.exitValue();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** Waits until readiness answers 200; fails with the end of the log when the process dies or times out. */
    public ServerProcess awaitReady(Duration timeout) throws InterruptedException {
        return switch (LocalServer.awaitOk(process, port, "/actuator/health/readiness", timeout)) {
            case ANSWERED -> this;
            case EXITED -> throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            case TIMED_OUT -> throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail());
        };
    }

    public int status(String path) {
        return LocalServer.status(port, path, Duration.ofSeconds(3));
    }

    public String get(String path) throws IOException, InterruptedException {
        return LocalServer.get(port, path, Duration.ofSeconds(10));
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        LocalServer.stop(process);
    }
}
