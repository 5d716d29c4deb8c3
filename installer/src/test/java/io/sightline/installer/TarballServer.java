package io.sightline.installer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a user of the tarball starts it: unpacked, its launcher run with settings from the environment
 * only, in embedded mode on a spare port. One process for every test of the run (it is stopped when the JVM
 * ends), so that the workbench's test has a server to open without starting a second one.
 */
final class TarballServer {

    static final String ADMIN_KEY = "installer-it-admin-key-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static TarballServer shared;

    final Path home;
    final Path dataDir;
    final Path log;
    final int port;
    private final Process process;

    private TarballServer(Path home, Path dataDir, Path log, int port, Process process) {
        this.home = home;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    private static Path unpacked;

    /** The tarball unpacked under target/installer-it/server (its single top directory), once per run. */
    static synchronized Path unpack() throws IOException, InterruptedException {
        if (unpacked != null) {
            return unpacked;
        }
        Path dir = Built.scratch("server");
        Command.ok("tar", "-xzf", Built.tarball().toString(), "-C", dir.toString());
        try (var top = Files.list(dir)) {
            List<Path> entries = top.toList();
            if (entries.size() != 1) {
                throw new AssertionError("The tarball must unpack into one directory, not " + entries);
            }
            unpacked = entries.get(0);
            return unpacked;
        }
    }

    static synchronized TarballServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(unpack());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            shared.awaitReady(Duration.ofMinutes(3));
        }
        return shared;
    }

    /** The environment a user's shell would give the launcher: nothing of ours but what the test sets. */
    static Map<String, String> environment(Path dataDir, int port) {
        return Map.of("SIGHTLINE_PORT", Integer.toString(port), "SIGHTLINE_DATA_DIR", dataDir.toString(),
                "SIGHTLINE_ADMIN_API_KEY", ADMIN_KEY,
                // the demo data source (a million generated rows) is the server's, not the installer's: 13 s saved
                "SIGHTLINE_DEMO_DATA", "never",
                // several JVMs share the build machine
                "JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
    }

    static ProcessBuilder launcher(Path home, Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/sightline-server").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SIGHTLINE_") || k.startsWith("REDASH_"));
        builder.environment().putAll(env);
        return builder;
    }

    private static TarballServer start(Path home) throws IOException {
        int port = freePort();
        Path dataDir = Files.createDirectories(home.resolveSibling("data"));
        Path log = home.resolveSibling("server.log");
        Process process = launcher(home, environment(dataDir, port)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new TarballServer(home, dataDir, log, port, process);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Key " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("The server from the tarball exited with " + process.exitValue() + ":\n" + tail());
            }
            if (status("/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server from the tarball was not ready within " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
