package io.sightline.server.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The metadata store as the rest of the server sees it: the pool, except while the store is known to be
 * unreachable, when asking for a connection fails at once instead of waiting the pool's connection timeout.
 * Whoever checks the store ({@link #pool()} is for that check) opens and closes the gate.
 */
public final class MetadataStoreGate extends DelegatingDataSource implements AutoCloseable {

    private volatile boolean open = true;
    /** The store came back after an outage and the pool has not yet handed out a connection since. */
    private volatile boolean reopened;

    MetadataStoreGate(DataSource pool) {
        super(pool);
    }

    /** The pool itself, bypassing the gate: only for the check that decides whether the gate opens again. */
    public DataSource pool() {
        return obtainTargetDataSource();
    }

    public void open(boolean reachable) {
        if (reachable && !open) {
            reopened = true;
        }
        this.open = reachable;
    }

    /** Whether the store was reachable at its last check. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Blocks while the store is known to be down: a queued run that would only fail against it (it reads its data
     * source and stores its result there) waits for it instead, and runs once it is back. "Back" means the pool
     * hands out a connection: right after a restart the check may reach the store before the pool has replaced the
     * connections that died with it, and a run let go then would fail storing its result. Outside that window a
     * run passes without borrowing a connection.
     */
    public void awaitOpen() throws InterruptedException {
        while (true) {
            while (!open) {
                Thread.sleep(200);
            }
            if (!reopened) {
                return;
            }
            try (Connection ignored = super.getConnection()) {
                reopened = false;
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileClosed();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileClosed();
        return super.getConnection(username, password);
    }

    /** Closes the pool with the application context (Spring calls a bean's public close()). */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private void refuseWhileClosed() throws Unreachable {
        if (!open) {
            throw new Unreachable();
        }
    }

    /** What asking for a connection during a known outage throws. */
    static final class Unreachable extends SQLTransientConnectionException {
        Unreachable() {
            super("The metadata store is unreachable (its background check fails)", "08001");
        }
    }
}
