package io.sightline.server.datasource;

import java.time.Duration;
import java.util.List;

/**
 * An H2 database. An embedded H2 URL runs the database, and so the SQL written against it, inside this
 * server's JVM: queries therefore run as a user without admin rights ({@link H2Sandbox}), read-only unless
 * {@code allow_writes} is on.
 */
final class H2Connector implements ConnectorType {

    @Override
    public String type() {
        return "h2";
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public List<OptionField> fields() {
        return List.of(
                OptionField.string("url", "JDBC URL (jdbc:h2:...)").asRequired(),
                OptionField.string("user", "User").withDefault("sa"),
                OptionField.string("password", "Password").asSecret(),
                InJvmSandbox.allowWritesField());
    }

    @Override
    public void check(DataSourceOptions options) {
        OptionChecks.jdbcUrl(options, "url", "jdbc:h2:");
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        var properties = ConnectionSpec.credentials(options.string("user"), options.string("password"));
        return new ConnectionSpec(options.string("url"), properties);
    }
}
