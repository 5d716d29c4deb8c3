package io.sightline.server.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * A redis-server of a test's own on a spare port, for tests that stop and restart Redis or count its commands: the
 * machine's shared Redis is never stopped, and everyone else's commands would be in its counts. Started with an
 * append-only file or not (a restart then keeps the data, or starts empty).
 */
public final class OwnRedisServer {

    private final int port = freePort();
    private final Path dir;
    private final boolean appendOnly;
    private Process process;

    public OwnRedisServer(String name, boolean appendOnly) {
        this.appendOnly = appendOnly;
        try {
            this.dir = Files.createTempDirectory("sightline-" + name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Starts it (nothing when it runs) and waits until it answers INFO (not PING: a test may be counting PINGs). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("This test needs redis-server on the PATH: " + e.getMessage(), e);
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Jedis jedis = new Jedis(url())) {
                return !jedis.info("server").isEmpty();
            }
        });
    }

    /** SHUTDOWN, which writes the append-only file when there is one, and waits for the process to end. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        try (Jedis jedis = new Jedis(url())) {
            jedis.shutdown();
        } catch (RuntimeException e) {
            // the connection drops as the server exits
        }
        process.waitFor();
    }

    /** At the end of the test class: stops it, without waiting for a clean SHUTDOWN. */
    public synchronized void destroy() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
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
