package io.sightline.server.datasource;

import java.time.Duration;
import java.util.List;

/** Any database whose JDBC driver is on the server's class path, by URL. */
final class GenericJdbcConnector implements ConnectorType {

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public String name() {
        return "JDBC (generic)";
    }

    @Override
    public List<OptionField> fields() {
        return List.of(
                OptionField.string("url", "JDBC URL (put the password in the Password field, not here)").asRequired(),
                OptionField.string("user", "User"),
                OptionField.string("password", "Password").asSecret());
    }

    @Override
    public void check(DataSourceOptions options) {
        OptionChecks.jdbcUrl(options, "url", "jdbc:");
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        var properties = ConnectionSpec.credentials(options.string("user"), options.string("password"));
        return new ConnectionSpec(options.string("url"), properties);
    }
}
