package io.sightline.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own: a fresh cluster (initdb) in a temporary directory, on a spare port, that
 * the test stops and starts at will with the machine's PostgreSQL binaries. The shared PostgreSQL on 5432 is never
 * touched. initdb refuses to run as root, so as root the cluster runs as the {@code postgres} system user.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;

    private OwnPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** A new cluster with trust authentication for user {@code postgres}; not yet running. */
    public static OwnPostgres create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            // the cluster's user (postgres, when the test runs as root) writes its data, socket and log here
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            OwnPostgres postgres = new OwnPostgres(binaries(), dir, freePort());
            postgres.run(Duration.ofSeconds(120), "initdb", "-D", postgres.data.toString(), "-U", "postgres",
                    "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a PostgreSQL cluster of the test's own: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() {
        run(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "50", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                        + dir + " -c fsync=off", "start");
    }

    /** Stops the server the way an operator or a failover does: sessions are ended, nothing written is lost. */
    public void stop() {
        run(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-w", "-t", "50", "-m", "fast", "stop");
    }

    public void createDatabase(String name) {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops it if it runs and deletes its files. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it up
        }
    }

    private void run(Duration limit, String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Path output = dir.resolve(program + ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + limit);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): "
                        + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed PostgreSQL's binaries (Debian keeps them in /usr/lib/postgresql/N/bin). */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))
                    .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries under " + root));
        } catch (IOException e) {
            throw new IOException("The metadata outage tests need PostgreSQL's server binaries under " + root, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
