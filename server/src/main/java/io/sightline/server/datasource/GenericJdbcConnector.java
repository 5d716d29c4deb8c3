package io.sightline.server.datasource;

import io.sightline.common.parameter.SqlDialect;
import io.sightline.server.system.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any database whose JDBC driver is on the server's class path, by URL; not the databases that have a type of
 * their own (whose connectors set the options that keep them safe), and no driver option that lets SQL or the
 * database reach this server's files or classes.
 */
final class GenericJdbcConnector implements ConnectorType {

    /** URL prefix to the type to use instead. */
    private static final Map<String, String> TYPED = Map.of(
            "jdbc:postgresql:", "pg", "jdbc:pgsql:", "pg", "jdbc:mariadb:", "mysql", "jdbc:mysql:", "mysql",
            "jdbc:h2:", "h2", "jdbc:duckdb:", "duckdb");

    /** MySQL/MariaDB driver options that upload server files, deserialise Java objects or load classes. */
    private static final List<String> MYSQL_REFUSED = List.of("allowlocalinfile", "allowloadlocalinfile",
            "allowurlinlocalinfile", "autodeserialize", "queryinterceptors", "statementinterceptors",
            "exceptioninterceptors", "connectionlifecycleinterceptors", "socketfactory", "credentialtype",
            "restrictedauth");

    /** PostgreSQL driver options that load classes named in the URL or write files. */
    private static final List<String> POSTGRES_REFUSED = List.of("socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname",
            "loggerfile", "loggerlevel");

    private static final Pattern OPTION = Pattern.compile("[?&;]\\s*([A-Za-z_.]+)\\s*=");

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
        ForcedSessionSettings.refuseUnsafe(options.string("url"), java.util.Map.of());
        String url = options.string("url").toLowerCase(Locale.ROOT);
        TYPED.forEach((prefix, type) -> {
            if (url.startsWith(prefix)) {
                throw ApiException.badRequest("Option 'url': " + prefix + " URLs are not accepted by the generic JDBC"
                        + " type; use the '" + type + "' type, which connects to that database safely");
            }
        });
    }

    @Override
    public ConnectionSpec spec(DataSourceOptions options, Duration connectTimeout) {
        String url = options.string("url");
        // Data sources stored before check() refused these URLs still connect, but only the safe way.
        String refused = refusedOption(url);
        if (refused != null) {
            throw ApiException.badRequest("Option 'url': the driver option '" + refused + "' is not allowed (it lets"
                    + " the database or SQL reach the server's files or classes); remove it from the URL");
        }
        var properties = ConnectionSpec.credentials(options.string("user"), options.string("password"));
        if (isMysql(url)) {
            properties.put("allowLocalInfile", "false");
            properties.put("useResetConnection", "true");
            properties.put("allowMultiQueries", "true");
        }
        return new ConnectionSpec(url, properties);
    }

    /** MySQL escaping (backslashes) for the MariaDB driver's URLs, whatever type the data source has. */
    @Override
    public SqlDialect dialect(DataSourceOptions options) {
        String url = options.string("url");
        return url != null && isMysql(url) ? SqlDialect.MYSQL : SqlDialect.ANSI;
    }

    /** The first option of {@code url} the generic type never passes to a MySQL/MariaDB or PostgreSQL driver. */
    static String refusedOption(String url) {
        List<String> refused = isMysql(url) ? MYSQL_REFUSED
                : url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRES_REFUSED : List.of();
        Matcher option = OPTION.matcher(url);
        while (option.find()) {
            String name = option.group(1);
            if (refused.contains(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    private static boolean isMysql(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:");
    }
}
