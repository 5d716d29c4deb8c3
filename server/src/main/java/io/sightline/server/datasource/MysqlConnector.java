package io.sightline.server.datasource;

import io.sightline.common.parameter.SqlDialect;
import java.time.Duration;
import java.util.List;

/**
 * MySQL and MariaDB through the MariaDB driver, Redash's {@code mysql} type with its option names.
 * Here a "schema" is a database (JDBC catalog).
 */
final class MysqlConnector implements ConnectorType {

    @Override
    public String type() {
        return "mysql";
    }

    @Override
    public String name() {
        return "MySQL / MariaDB";
    }

    @Override
    public List<OptionField> fields() {
        return List.of(
                OptionField.string("host", "Host").withDefault("127.0.0.1"),
                OptionField.number("port", "Port").withDefault(3306L).between(1, 65535),
                OptionField.string("user", "User"),
                OptionField.string("passwd", "Password").asSecret(),
                OptionField.string("db", "Database name").asRequired(),
                OptionField.bool("use_ssl", "Use SSL (verifies the server certificate)"));
    }

    @Override
    public void check(DataSourceOptions options) {
        OptionChecks.host(options, "host");
        OptionChecks.plainName(options, "db");
    }

    @Override
    public SqlDialect dialect(DataSourceOptions options) {
        return SqlDialect.MYSQL;
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        String url = "jdbc:mariadb://" + options.string("host") + ":" + options.number("port") + "/" + options.string("db");
        var properties = ConnectionSpec.credentials(options.string("user"), options.string("passwd"));
        properties.put("connectTimeout", Long.toString(Math.max(1000, connectTimeout.toMillis())));
        properties.put("sslMode", options.bool("use_ssl") ? "verify-full" : "disable");
        // A hostile server could otherwise ask this client to upload local files (LOAD DATA LOCAL INFILE).
        properties.put("allowLocalInfile", "false");
        properties.put("useResetConnection", "true"); // SessionReset clears what a run left on the connection
        // A statement list answers with its last result, as on every other data source.
        properties.put("allowMultiQueries", "true");
        return new ConnectionSpec(url, properties);
    }
}
