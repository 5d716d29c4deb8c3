package io.sightline.server.datasource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** PostgreSQL (and wire-compatible warehouses), Redash's {@code pg} type with its option names. */
final class PostgresConnector implements ConnectorType {

    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    @Override
    public String type() {
        return "pg";
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public List<OptionField> fields() {
        return List.of(
                OptionField.string("host", "Host").withDefault("127.0.0.1"),
                OptionField.number("port", "Port").withDefault(5432L).between(1, 65535),
                OptionField.string("user", "User"),
                OptionField.string("password", "Password").asSecret(),
                OptionField.string("dbname", "Database Name").asRequired(),
                OptionField.string("sslmode", "SSL Mode (" + String.join(", ", SSL_MODES) + ")").withDefault("prefer"),
                OptionField.bool(PassedIdentity.PASS_IDENTITY, "Pass the signed-in user to PostgreSQL for row-level"
                        + " security (current_setting('sightline.user_email'), 'sightline.user_id', 'sightline.user_groups')"),
                OptionField.string(PassedIdentity.IDENTITY_ROLE, "Role each run takes (SET LOCAL ROLE) when the"
                        + " user is passed, so that row-level security applies"));
    }

    @Override
    public void check(DataSourceOptions options) {
        OptionChecks.host(options, "host");
        OptionChecks.oneOf(options, "sslmode", SSL_MODES);
        PassedIdentity.check(options);
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        String url = "jdbc:postgresql://" + options.string("host") + ":" + options.number("port") + "/"
                + URLEncoder.encode(options.string("dbname"), StandardCharsets.UTF_8);
        var properties = ConnectionSpec.credentials(options.string("user"), options.string("password"));
        properties.put("sslmode", options.string("sslmode"));
        String seconds = Long.toString(Math.max(1, connectTimeout.toSeconds()));
        properties.put("connectTimeout", seconds);
        properties.put("loginTimeout", seconds);
        properties.put("ApplicationName", "Sightline");
        return new ConnectionSpec(url, properties);
    }

}
