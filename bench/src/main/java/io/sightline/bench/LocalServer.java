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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What every server started as a child process on this machine needs, whoever starts it (the benchmarks here, the
 * operations tests through the image's entrypoint): a free port, the exec jar the build made, an environment with
 * nothing leaked from the calling shell, waiting for an HTTP endpoint, and a pod-like stop. Plain JDK only, so
 * that a module can use it without the server's dependencies.
 */
public final class LocalServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalServer() {
    }

    /** How waiting for the server ended. */
    public enum Wait { ANSWERED, EXITED, TIMED_OUT }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The exec jar that {@code mvn package} left in {@code serverTarget}, if it did. */
    public static Optional<Path> execJar(Path serverTarget) throws IOException {
        try (var files = Files.list(serverTarget)) {
            return files.filter(p -> p.getFileName().toString().matches("sightline-server-.*-exec\\.jar")).findFirst();
        }
    }

    /**
     * A builder for {@code command} whose environment is this JVM's without any {@code SIGHTLINE_*} or
     * {@code REDASH_*} variable (a REDASH_REDIS_URL of the calling shell, say), then {@code environment} added.
     */
    public static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("SIGHTLINE_") || key.startsWith("REDASH_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Polls {@code path} on the process's port every 250 ms until it answers 200, the process exits, or {@code limit}. */
    public static Wait awaitOk(Process process, int port, String path, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Wait.EXITED;
            }
            if (status(port, path, Duration.ofSeconds(5)) == 200) {
                return Wait.ANSWERED;
            }
            Thread.sleep(250);
        }
        return Wait.TIMED_OUT;
    }

    /** The status {@code path} answers with on the local port; -1 when nothing answers. */
    public static int status(int port, String path, Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening (yet)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static String get(int port, String path, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGTERM, as an orchestrator stops a pod; SIGKILL if it has not exited after 30 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
