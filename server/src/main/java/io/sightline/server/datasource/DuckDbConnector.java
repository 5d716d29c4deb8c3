package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * A DuckDB database file, opened inside this server. Within one JVM the driver shares one database instance
 * per file among all connections (so a pool works); another process holding the file locks it for us.
 * SQL cannot read other files of the server, load extensions or change settings ({@link InJvmSandbox}), and
 * the file is opened read-only unless {@code allow_writes} is on (then the file is created if missing).
 */
final class DuckDbConnector implements ConnectorType {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public List<OptionField> fields() {
        return List.of(
                OptionField.string("dbpath", "Database file (absolute path on the server)").asRequired(),
                InJvmSandbox.allowWritesField());
    }

    @Override
    public void check(DataSourceOptions options) {
        String path = options.string("dbpath");
        try {
            // ';' would start DuckDB's own URL options, overriding ours.
            if (path.indexOf(';') >= 0 || path.indexOf('?') >= 0 || !Path.of(path).isAbsolute()) {
                throw ApiException.badRequest("Option 'dbpath' must be an absolute file path without ';' or '?'");
            }
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("Option 'dbpath' is not a valid path: " + e.getReason());
        }
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        var properties = new HashMap<String, String>();
        // Stream results instead of materialising them: with the row limit as maxRows the query stops early,
        // and memory stays flat however many rows the SQL would return.
        properties.put("jdbc_stream_results", "true");
        // the sandbox settings (external access off, configuration locked, read-only) come from InJvmSandbox
        return new ConnectionSpec("jdbc:duckdb:" + options.string("dbpath"), properties);
    }

    @Override
    public boolean isSystem(String catalog, String schema) {
        return "system".equals(catalog) || "temp".equals(catalog) || ConnectorType.super.isSystem(catalog, schema);
    }

    @Override
    public String explain(SQLException e, DataSourceOptions options) {
        String message = ConnectorType.super.explain(e, options);
        if (message.contains("Could not set lock on file")) {
            return "The DuckDB file " + options.string("dbpath") + " is in use by another process, and DuckDB lets"
                    + " only one process at a time open a file it writes to: close it there and try again ("
                    + message + ")";
        }
        return message;
    }
}
