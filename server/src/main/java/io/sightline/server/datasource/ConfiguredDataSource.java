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
