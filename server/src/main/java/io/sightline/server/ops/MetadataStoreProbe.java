package io.sightline.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
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
 * Checks the metadata store in the background: a pooled connection's {@code isValid} every interval, on threads
 * of its own so neither the request threads nor Spring's scheduler (whose jobs block on the store during an
 * outage) delay it. A check that does not answer within the timeout counts as a failure, whatever the pool's
 * own timeouts are. Exposes {@code sightline_metadata_store_up} (1/0) and
 * {@code sightline_metadata_store_outages_total}; logs one line when an outage starts and one when it ends.
 */
@Component
public class MetadataStoreProbe implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetadataStoreProbe.class);

    private final DataSource dataSource;
    private final MetadataStoreProbeProperties properties;
    private final Counter outages;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            daemon("metadata-store-probe"));
    private final ExecutorService checker = Executors.newSingleThreadExecutor(daemon("metadata-store-check"));
    private volatile boolean up = true;
    private volatile String lastFailure = "";
    private Future<Boolean> inFlight;

    MetadataStoreProbe(DataSource dataSource, MetadataStoreProbeProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
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
            record(inFlight.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS), "not valid");
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

    private boolean check() throws Exception {
        int seconds = (int) Math.max(1, properties.timeout().toSeconds());
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(seconds);
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
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        checker.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
