package io.sightline.server.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that keeps a DuckDB file open, as a second tool on the server would: started with
 * {@link #start(Path)}, it holds the file until its standard input closes.
 */
final class DuckDbFileHolder implements AutoCloseable {

    private static final String READY = "holding";

    private final Process process;

    private DuckDbFileHolder(Process process) {
        this.process = process;
    }

    static DuckDbFileHolder start(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DuckDbFileHolder.class.getName(), file.toString()))
                .redirectErrorStream(true)
                .start();
        InputStream out = process.getInputStream();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.toString().contains(READY)) {
            int c = out.read();
            if (c < 0 || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The DuckDB holder process did not start: " + seen);
            }
            seen.append((char) c);
        }
        return new DuckDbFileHolder(process);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held (x INTEGER)");
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the file until the test closes our standard input
            }
        }
    }
}
