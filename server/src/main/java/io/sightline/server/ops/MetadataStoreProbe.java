package io.sightline.server.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.system.MetadataStoreGate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Checks the metadata store in the background: a connection's {@code isValid} every interval, on threads
 * of its own so neither the request threads nor Spring's scheduler (whose jobs block on the store during an
 * outage) delay it. A check that does not answer within the timeout counts as a failure, whatever the pool's
 * own timeouts are. Exposes {@code sightline_metadata_store_up} (1/0) and
 * {@code sightline_metadata_store_outages_total}; logs one line when an outage starts and one when it ends.
 * In front of the server's metadata pool it also closes the {@link MetadataStoreGate} during an outage, so that
 * requests needing the store fail at once rather than each waiting out the pool's connection timeout.
 */
@Component
public class MetadataStoreProbe implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetadataStoreProbe.class);

    /** Checked past the gate: the check is what opens it again. */
    private final DataSource dataSource;
    private final MetadataStoreGate gate;
    private final MetadataStoreProbeProperties properties;
    private final Counter outages;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            daemon("metadata-store-probe"));
    private final ExecutorService checker = Executors.newSingleThreadExecutor(daemon("metadata-store-check"));
    private volatile boolean up = true;
    private volatile String lastFailure = "";
    private Future<Boolean> inFlight;
    /** The check's own connection (checker thread only). */
    private volatile Connection own;

    MetadataStoreProbe(DataSource dataSource, MetadataStoreProbeProperties properties, MeterRegistry meters) {
        this.gate = dataSource instanceof MetadataStoreGate metadata ? metadata : null;
        this.dataSource = gate != null ? gate.pool() : dataSource;
        this.properties = properties;
        this.outages = Counter.builder("sightline.metadata.store.outages")
                .description("Times the metadata store became unreachable for this process (one per outage)")
                .register(meters);
        Gauge.builder("sightline.metadata.store.up", this, probe -> probe.up ? 1 : 0)
                .description("1 while this process reaches the metadata store, 0 during an outage").register(meters);
        long interval = properties.interval().toMillis();
        ticker.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Whether the last check reached the metadata store. */
    public boolean up() {
        return up;
    }

    /** Why the last failed check failed; empty while the store is up. */
    public String lastFailure() {
        return up ? "" : lastFailure;
    }

    void probe() {
        try {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = checker.submit(this::check);
            }
            // a check still hanging from an earlier tick keeps the store down until it answers
            record(inFlight.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS), "");
        } catch (TimeoutException e) {
            record(false, "no answer within " + properties.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            record(false, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            record(false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs on the checker thread only. With a Hikari pool the check uses a connection of its own, outside the
     * pool: a pool busy to its last connection under load is not an outage, and must not read as one.
     */
    private boolean check() throws SQLException {
        int seconds = (int) Math.max(1, properties.timeout().toSeconds());
        if (!(dataSource instanceof HikariDataSource pool)) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(seconds)) {
                    throw new SQLException("its connection check failed");
                }
                return true;
            }
        }
        boolean valid = false;
        try {
            if (own == null) {
                own = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
            valid = own.isValid(seconds);
            if (!valid) {
                throw new SQLException("its connection check failed (the connection was closed or did not answer)");
            }
            return true;
        } finally {
            if (!valid) {
                closeOwn(); // a new one next time: the store may be back, this connection never is
            }
        }
    }

    private void closeOwn() {
        if (own != null) {
            try {
                own.close();
            } catch (SQLException e) {
                // it is broken already
            }
            own = null;
        }
    }

    private void record(boolean reached, String failure) {
        if (reached == up) {
            return;
        }
        if (!reached) {
            lastFailure = failure;
            outages.increment();
            log.error("The metadata store cannot be reached; readiness is DOWN and the API answers 503 for what"
                    + " needs it until it is back: {}", failure);
        } else {
            log.info("The metadata store is reachable again");
        }
        up = reached;
        if (gate != null) {
            gate.open(reached);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        checker.shutdownNow();
        closeOwn();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
