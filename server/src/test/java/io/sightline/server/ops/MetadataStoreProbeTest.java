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
    void flipsDownWithinItsTimeoutEvenWhenThePoolWouldWaitLonger() throws IOException {
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
            pool.setConnectionTimeout(30_000);
            MetadataStoreProbe probe = new MetadataStoreProbe(pool, FAST, meters);
            try {
                long started = System.nanoTime();
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> !probe.up());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("interval + timeout, not the pool's 30 s")
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
}
