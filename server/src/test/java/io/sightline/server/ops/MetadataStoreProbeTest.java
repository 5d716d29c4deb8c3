package io.sightline.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The probe against real JDBC: the machine's PostgreSQL answers, and a listener that accepts connections but never
 * answers stands for a store that hangs (the worst kind of outage: nothing is refused, everything waits).
 */
class MetadataStoreProbeTest {

    private static final MetadataStoreProbeProperties FAST =
            new MetadataStoreProbeProperties(Duration.ofMillis(200), Duration.ofMillis(500));

    @Test
    void reportsTheStoreUpWhileItAnswers() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/postgres")) {
            MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
            try {
                await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(probe::up);
                assertThat(series(meters, "sightline_metadata_store_up")).isEqualTo(1);
                assertThat(series(meters, "sightline_metadata_store_outages_total")).isZero();
            } finally {
                probe.destroy();
            }
        }
    }

    @Test
    void aPoolBusyToItsLastConnectionIsNotAnOutage() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/postgres")) {
            pool.setMaximumPoolSize(1);
            try (var busy = pool.getConnection()) {
                MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
                try {
                    await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(probe::up);
                    assertThat(series(meters, "sightline_metadata_store_outages_total")).isZero();
                } finally {
                    probe.destroy();
                }
            }
        }
    }

    @Test
    void flipsDownWithinItsTimeoutEvenWhenConnectingHangs() throws IOException {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/postgres");
            MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
            try {
                long started = System.nanoTime();
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> !probe.up());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("interval + timeout, not the driver's 10 s connect timeout")
                        .isLessThan(Duration.ofMillis(1_500));
                assertThat(probe.lastFailure()).contains("no answer within 500 ms");
                assertThat(series(meters, "sightline_metadata_store_up")).isZero();

                Thread.sleep(1_000); // several more failed checks: still the same outage
                assertThat(probe.up()).isFalse();
                assertThat(series(meters, "sightline_metadata_store_outages_total")).as("one per outage").isEqualTo(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                probe.destroy();
                for (Socket socket : accepted) {
                    socket.close();
                }
                pool.close();
            }
        }
    }

    @Test
    void aCheckHangingOnOneConnectionIsLeftBehindAndTheStoreIsUpAgainOnAFreshOne() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FirstConnectionHangs proxy = new FirstConnectionHangs(5432);
             HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres")) {
            MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
            try {
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> !probe.up());
                assertThat(probe.lastFailure()).contains("no answer within 500 ms");

                // the first connection never answers again; the store does, through every later one
                await().atMost(Duration.ofSeconds(5)).until(probe::up);
                await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(probe::up);
                assertThat(probe.checksLeftHanging()).as("the hung check's thread is still waiting on its socket")
                        .isEqualTo(1);
                assertThat(series(meters, "sightline_metadata_store_outages_total")).isEqualTo(1);
                assertThat(series(meters, "sightline_metadata_store_up")).isEqualTo(1);
            } finally {
                probe.destroy();
            }
        }
    }

    @Test
    void aStoreThatHangsEveryCheckLeavesAtMostThreeChecksBehind() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FirstConnectionHangs proxy = new FirstConnectionHangs(-1);
             HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres")) {
            MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> proxy.accepted() >= MetadataStoreProbe.MAX_LEFT_BEHIND + 1);
                Thread.sleep(2_000); // several more ticks past the limit
                assertThat(proxy.accepted()).as("no connection past the checks left behind and the one waited on")
                        .isEqualTo(MetadataStoreProbe.MAX_LEFT_BEHIND + 1);
                assertThat(probe.up()).isFalse();
                assertThat(series(meters, "sightline_metadata_store_outages_total")).isEqualTo(1);
            } finally {
                probe.destroy();
            }
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static double series(PrometheusMeterRegistry meters, String name) {
        return meters.scrape().lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + name + " in\n" + meters.scrape()));
    }

    /**
     * A TCP listener in front of a real port: its first connection is accepted and never answered (a half-open
     * connection), every later one is relayed to the real port. With no real port ({@code -1}) none is answered.
     */
    private static final class FirstConnectionHangs implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0);
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();

        FirstConnectionHangs(int target) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        sockets.add(client);
                        if (accepted.incrementAndGet() > 1 && target > 0) {
                            Socket server = new Socket("127.0.0.1", target);
                            sockets.add(server);
                            relay(client, server);
                            relay(server, client);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "first-connection-hangs");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        private static void relay(Socket from, Socket to) {
            Thread copier = new Thread(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException e) {
                    // one side closed
                }
            }, "relay");
            copier.setDaemon(true);
            copier.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
