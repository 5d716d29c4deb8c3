package io.sightline.server.datasource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One HikariCP pool per data source, created on first use. A pool whose data source now connects differently
 * (changed here or by another server) is replaced; the old one stops lending, lets running queries finish and
 * is closed once idle. Deleting a data source closes its pool at once; shutdown closes all.
 */
@Component
class ConnectionPools implements DisposableBean {

    private static final Duration RETIRE_AT_MOST = Duration.ofMinutes(15);
    private static final Duration WAIT_SLICE = Duration.ofMillis(500);

    private final DataSourceProperties properties;
    private final Map<Long, Pool> pools = new ConcurrentHashMap<>();
    private final Set<HikariDataSource> retiring = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "datasource-pool-retirer");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionPools(DataSourceProperties properties) {
        this.properties = properties;
    }

    private record Pool(ConnectionSpec spec, int size, HikariDataSource dataSource, SpecDataSource connector) {
        boolean serves(ConnectionSpec otherSpec, int otherSize) {
            return spec.equals(otherSpec) && size == otherSize;
        }
    }

    /** A pooled connection; the caller closes it. Failures carry the driver's message with secrets masked. */
    Connection connection(ConfiguredDataSource source) throws SQLException {
        ConnectionSpec spec = source.pooledSpec(properties.connectTimeout()); // a driver takes it, no unsafe settings
        int size = source.maxConnections();
        Pool pool = pools.compute(source.id(), (id, old) -> {
            if (old != null && old.serves(spec, size)) {
                return old;
            }
            if (old != null) {
                retire(old.dataSource());
            }
            var connector = new SpecDataSource(spec);
            return new Pool(spec, size, create(source.id(), spec, connector, size), connector);
        });
        try {
            return borrow(pool);
        } catch (SQLException e) {
            throw source.safe(e);
        }
    }

    /**
     * Waits for a pooled connection in short slices: a busy pool is waited for up to the pool wait timeout,
     * but once an attempt to connect made during the wait has failed, that failure is the answer.
     */
    private Connection borrow(Pool pool) throws SQLException {
        HikariPool hikari = (HikariPool) pool.dataSource().getHikariPoolMXBean();
        long started = System.nanoTime();
        long deadline = started + properties.poolWaitTimeout().toNanos();
        while (true) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return reset(pool, hikari.getConnection(Math.max(1, Math.min(WAIT_SLICE.toMillis(), leftMillis))));
            } catch (SQLTransientConnectionException timeout) {
                if (pool.dataSource().isClosed()) {
                    throw new SQLTransientConnectionException("The data source was changed or deleted while waiting"
                            + " for a connection: try again", "08003");
                }
                SQLException failure = pool.connector().failureSince(started);
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() - deadline >= 0 && timeout.getCause() != null) {
                    // the driver connected but the pool could not set the connection up (e.g. a refused setting)
                    throw new SQLException("Cannot set up a connection: " + rootMessage(timeout.getCause()), "08001");
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new SQLTransientConnectionException("No connection became free within "
                            + properties.poolWaitTimeout().toSeconds() + " s (" + hikari.getActiveConnections() + " of "
                            + pool.size() + " in use): raise max_connections or run fewer queries at once", "08001");
                }
            }
        }
    }

    /** No run sees what an earlier run left on the connection; one that cannot be made safe leaves the pool. */
    private static Connection reset(Pool pool, Connection connection) throws SQLException {
        try {
            return SessionReset.apply(connection, SessionReset.Engine.of(pool.spec().url()));
        } catch (SQLException | RuntimeException e) {
            pool.dataSource().evictConnection(connection);
            throw e;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The data source's options changed: new connections come from a new pool, running ones finish. */
    void retire(long id) {
        Pool pool = pools.remove(id);
        if (pool != null) {
            retire(pool.dataSource());
        }
    }

    /** The data source is gone: close its pool now, aborting what still runs. */
    void close(long id) {
        Pool pool = pools.remove(id);
        if (pool != null) {
            pool.dataSource().close();
        }
    }

    @Override
    public void destroy() {
        retirer.shutdownNow();
        pools.values().forEach(pool -> pool.dataSource().close());
        pools.clear();
        retiring.forEach(HikariDataSource::close);
        retiring.clear();
    }

    private HikariDataSource create(long id, ConnectionSpec spec, SpecDataSource connector, int size) {
        HikariConfig config = new HikariConfig();
        config.setReadOnly(spec.readOnly());
        config.setPoolName("datasource-" + id);
        config.setDataSource(connector);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0); // warehouses should not hold idle connections for us
        config.setInitializationFailTimeout(-1); // a database that is down must not stop the server
        config.setConnectionTimeout(properties.poolWaitTimeout().toMillis()); // borrow() waits in slices of it
        return new HikariDataSource(config);
    }

    private void retire(HikariDataSource dataSource) {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool == null) {
            dataSource.close();
            return;
        }
        pool.softEvictConnections();
        retiring.add(dataSource);
        Instant deadline = Instant.now().plus(RETIRE_AT_MOST);
        retirer.execute(new Runnable() {
            @Override
            public void run() {
                if (pool.getActiveConnections() == 0 || Instant.now().isAfter(deadline)) {
                    dataSource.close();
                    retiring.remove(dataSource);
                } else if (!retirer.isShutdown()) {
                    retirer.schedule(this, 1, TimeUnit.SECONDS);
                }
            }
        });
    }
}

