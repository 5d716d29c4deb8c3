package io.sightline.server.datasource;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A stored data source with its type resolved and its options decrypted: what connecting to it needs.
 * Holds secrets: {@link #toString()} leaves them out, and {@link #describe} masks them in driver messages.
 */
final class ConfiguredDataSource {

    private final DataSourceRow row;
    private final ConnectorType type;
    private final DataSourceOptions options;

    /** The last spec {@link #pooledSpec} built and checked, with the timeout it was built for. */
    private volatile CheckedSpec checked;

    private record CheckedSpec(Duration connectTimeout, ConnectionSpec spec) {
    }

    ConfiguredDataSource(DataSourceRow row, ConnectorType type, DataSourceOptions options) {
        this.row = row;
        this.type = type;
        this.options = options;
    }

    long id() {
        return row.id();
    }

    String name() {
        return row.name();
    }

    DataSourceRow row() {
        return row;
    }

    ConnectorType type() {
        return type;
    }

    /** How to connect, with the in-JVM sandbox applied whatever the type (H2 and DuckDB URLs). */
    ConnectionSpec spec(Duration connectTimeout) {
        return InJvmSandbox.apply(type.spec(options, connectTimeout), options.has(InJvmSandbox.ALLOW_WRITES)
                && options.bool(InJvmSandbox.ALLOW_WRITES));
    }

    /**
     * {@link #spec} for pooled connections, checked: a driver takes its URL (else a clear error) and it sets no
     * unsafe session settings (stored before such URLs were refused). Built and checked once per timeout: this object
     * is made from one state of the row and used again only while the row is unchanged, so a worker does not rebuild
     * it for every job. A failed check is not remembered; it fails again the same way next time.
     */
    ConnectionSpec pooledSpec(Duration connectTimeout) throws SQLException {
        CheckedSpec known = checked;
        if (known != null && known.connectTimeout().equals(connectTimeout)) {
            return known.spec();
        }
        ConnectionSpec spec = spec(connectTimeout);
        spec.driver();
        ForcedSessionSettings.refuseUnsafe(spec);
        checked = new CheckedSpec(connectTimeout, spec);
        return spec;
    }

    int maxConnections() {
        return (int) options.number("max_connections");
    }

    /** The driver's message for a failure, explained where the type can, with every secret masked. */
    String describe(SQLException e) {
        return SecretMasker.mask(type.explain(e, options), options.secrets());
    }

    String mask(String text) {
        return SecretMasker.mask(text, options.secrets());
    }

    /** A copy of a driver failure that is safe to log or show: masked message, same SQL state, no cause chain. */
    SQLException safe(SQLException e) {
        return new SQLException(describe(e), e.getSQLState(), e.getErrorCode());
    }

    @Override
    public String toString() {
        return "ConfiguredDataSource[" + row.id() + ", " + row.name() + ", " + row.type() + "]";
    }
}
