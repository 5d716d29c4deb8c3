package io.sightline.server.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.server.system.MetadataStoreGate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>A check that hangs past the timeout is left behind with its connection, and the next tick checks on a
 * fresh connection: a socket that never answers again (a half-open TCP connection, a login stuck in the
 * driver) must not keep the store "down" once the store itself answers. At most {@value #MAX_LEFT_BEHIND}
 * checks are left hanging at once; past that the probe waits on the newest.
 */
@Component
public class MetadataStoreProbe implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetadataStoreProbe.class);
    static final int MAX_LEFT_BEHIND = 3;

    /** Checked past the gate: the check is what opens it again. */
    private final DataSource dataSource;
    private final MetadataStoreGate gate;
    private final MetadataStoreProbeProperties properties;
    private final Counter outages;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            daemon("metadata-store-probe"));
    /** Touched by the ticker thread only, and by {@link #destroy()} once the ticker is stopped. */
    private volatile Checker checker = new Checker();
    private final List<Checker> leftBehind = new ArrayList<>();
    private volatile boolean up = true;
    private volatile String lastFailure = "";
    private Future<Boolean> inFlight;

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

    /** Checks given up on that have not returned yet (their threads still wait on the driver). */
    int checksLeftHanging() {
        synchronized (leftBehind) {
            leftBehind.removeIf(Checker::finished);
            return leftBehind.size();
        }
    }

    void probe() {
        try {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = checker.submit();
            }
            record(inFlight.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS), "");
        } catch (TimeoutException e) {
            record(false, "no answer within " + properties.timeout().toMillis() + " ms");
            leaveBehind();
        } catch (ExecutionException e) {
            record(false, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            record(false, String.valueOf(e.getMessage()));
        }
    }

    /** The hanging check keeps its thread and connection; the next tick starts on new ones. */
    private void leaveBehind() {
        if (checksLeftHanging() >= MAX_LEFT_BEHIND) {
            return; // a store that hangs every check: wait on this one rather than pile up threads
        }
        inFlight.cancel(true);
        inFlight = null;
        checker.retire();
        synchronized (leftBehind) {
            leftBehind.add(checker);
        }
        checker = new Checker();
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
        checker.retire();
    }

    /** One thread and, with a Hikari pool, one connection of its own that only that thread uses. */
    private final class Checker {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(daemon("metadata-store-check"));
        private Connection own;

        Future<Boolean> submit() {
            return thread.submit(this::check);
        }

        /** Closes the connection once the thread is free (a hanging check first returns or fails), then stops. */
        void retire() {
            try {
                thread.execute(this::closeOwn);
            } catch (RejectedExecutionException e) {
                // retired already
            }
            thread.shutdown();
        }

        boolean finished() {
            return thread.isTerminated();
        }

        /**
         * With a Hikari pool the check uses a connection of its own, outside the pool: a pool busy to its last
         * connection under load is not an outage, and must not read as one.
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
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
