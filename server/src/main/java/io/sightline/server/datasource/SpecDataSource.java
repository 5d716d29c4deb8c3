package io.sightline.server.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection source behind a pool: opens connections from a {@link ConnectionSpec} and remembers the
 * latest failure, so that a caller waiting for the pool can give up with the driver's reason at once
 * instead of waiting out the pool's timeout for a database that refuses every attempt.
 */
final class SpecDataSource implements DataSource {

    private record Failure(SQLException error, long atNanos) {
    }

    private final ConnectionSpec spec;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private volatile int loginTimeout;

    SpecDataSource(ConnectionSpec spec) {
        this.spec = spec;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection connection = spec.open();
            lastFailure.set(null);
            SessionReset.remember(connection, SessionReset.Engine.of(spec.url()));
            return connection;
        } catch (SQLException e) {
            lastFailure.set(new Failure(e, System.nanoTime()));
            throw e;
        }
    }

    /** The failure of the latest attempt, when that attempt failed at or after {@code sinceNanos}. */
    SQLException failureSince(long sinceNanos) {
        Failure failure = lastFailure.get();
        return failure != null && failure.atNanos() - sinceNanos >= 0 ? failure.error() : null;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Credentials come from the data source's options");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // driver logging is configured through the application's logging, not here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds; // the connect timeout is already in the driver properties
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "SpecDataSource"; // the spec carries secrets
    }
}
