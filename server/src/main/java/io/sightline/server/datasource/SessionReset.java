package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.postgresql.core.BaseConnection;

/**
 * Puts a pooled connection back into the state it had when it was opened, every time the pool lends it for a
 * run, and makes sure the settings parameter escaping relies on hold. Without it, what one run left on a
 * connection ({@code SET search_path}, {@code USE db}, {@code SET NAMES gbk}, {@code SET standard_conforming_strings
 * = off}) would change what the next user's run sees, or let a parameter value leave its literal.
 *
 * <ul>
 *   <li>PostgreSQL: {@code DISCARD ALL} (every setting, temporary table, prepared statement and role back to the
 *       session's defaults), then {@code standard_conforming_strings} on, set if needed;</li>
 *   <li>MariaDB/MySQL: {@code COM_RESET_CONNECTION} (the driver's reset), the database the connection was opened
 *       on, a UTF-8 client character set (never GBK, Big5, SJIS, CP932 or GB18030, whose second byte can be a
 *       backslash), and {@code sql_mode} without {@code NO_BACKSLASH_ESCAPES}, since values are escaped for
 *       backslash escapes;</li>
 *   <li>H2 and DuckDB: the catalog and schema the connection was opened with.</li>
 * </ul>
 * A connection whose settings cannot be made safe is refused with an {@link SQLException} saying which one.
 */
final class SessionReset {

    enum Engine {
        POSTGRES, MARIADB, H2, DUCKDB, OTHER;

        static Engine of(String url) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:postgresql:")) {
                return POSTGRES;
            }
            if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
                return MARIADB;
            }
            if (lower.startsWith("jdbc:h2:")) {
                return H2;
            }
            return lower.startsWith("jdbc:duckdb:") ? DUCKDB : OTHER;
        }
    }

    /** Character sets whose multibyte characters can end in 0x5c, the backslash (MySQL's own list). */
    static final Set<String> BACKSLASH_UNSAFE_CHARSETS = Set.of("gbk", "big5", "sjis", "cp932", "gb18030");

    private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8mb3", "utf8");
    private static final String NO_BACKSLASH_ESCAPES = "NO_BACKSLASH_ESCAPES";

    /** Where each physical connection started: its catalog and schema when it was opened. */
    private record Home(String catalog, String schema) {
    }

    private static final Map<Connection, Home> HOMES = Collections.synchronizedMap(new WeakHashMap<>());

    private SessionReset() {
    }

    /** Notes where a freshly opened connection starts, to bring it back there before each run. */
    static void remember(Connection physical, Engine engine) {
        if (engine == Engine.POSTGRES || engine == Engine.OTHER) {
            return; // DISCARD ALL needs no notes; unknown drivers are left as they are
        }
        try {
            HOMES.put(physical, switch (engine) {
                case DUCKDB -> duckDbHome(physical);
                default -> new Home(physical.getCatalog(), physical.getSchema());
            });
        } catch (SQLException | RuntimeException e) {
            // without a note the connection is only checked, not moved back; the run is still made safe
        }
    }

    /**
     * Resets {@code pooled} for a new run and returns it.
     *
     * @throws SQLException when the connection cannot be reset or a setting cannot be made safe; the caller
     *         must not use (nor return to the pool) the connection then
     */
    static Connection apply(Connection pooled, Engine engine) throws SQLException {
        switch (engine) {
            case POSTGRES -> postgres(pooled);
            case MARIADB -> mariaDb(pooled);
            case H2 -> h2(pooled);
            case DUCKDB -> duckDb(pooled);
            default -> {
                // a driver Sightline has no type for: nothing known to reset
            }
        }
        return pooled;
    }

    private static void postgres(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DISCARD ALL");
            BaseConnection postgres = connection.unwrap(BaseConnection.class);
            if (!postgres.getStandardConformingStrings()) {
                statement.execute("SET standard_conforming_strings = on");
            }
            if (!postgres.getStandardConformingStrings()) {
                throw unsafe("PostgreSQL keeps standard_conforming_strings off, so a backslash in a parameter value"
                        + " could end its literal: turn it on for this database");
            }
        }
    }

    private static void mariaDb(Connection connection) throws SQLException {
        if (connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
            connection.unwrap(org.mariadb.jdbc.Connection.class).reset(); // COM_RESET_CONNECTION (useResetConnection)
        }
        Home home = HOMES.get(connection.unwrap(Connection.class));
        try (Statement statement = connection.createStatement()) {
            MariaDbState state = MariaDbState.read(statement);
            if (home != null && home.catalog() != null && !home.catalog().equals(state.database())) {
                statement.execute("USE `" + home.catalog().replace("`", "``") + "`");
            }
            if (!state.utf8()) {
                statement.execute("SET NAMES utf8mb4");
            }
            if (state.noBackslashEscapes()) {
                statement.execute("SET SESSION sql_mode = '" + state.sqlModeWithBackslashEscapes() + "'");
            }
            MariaDbState after = state.clean(home) ? state : MariaDbState.read(statement);
            if (!after.utf8()) {
                throw unsafe("The connection's character set is " + after.charsets() + " and could not be set to"
                        + " utf8mb4; multibyte character sets such as GBK, Big5 and SJIS can hide a backslash in a"
                        + " parameter value");
            }
            if (after.noBackslashEscapes()) {
                throw unsafe("The connection's sql_mode keeps NO_BACKSLASH_ESCAPES, which parameter values are not"
                        + " escaped for");
            }
        }
    }

    private record MariaDbState(String database, String client, String connection, String results, String sqlMode) {

        static MariaDbState read(Statement statement) throws SQLException {
            try (ResultSet row = statement.executeQuery("SELECT DATABASE(), @@session.character_set_client,"
                    + " @@session.character_set_connection, @@session.character_set_results, @@session.sql_mode")) {
                row.next();
                return new MariaDbState(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5));
            }
        }

        boolean utf8() {
            return UTF8.contains(lower(client)) && UTF8.contains(lower(connection))
                    && (results == null || UTF8.contains(lower(results)) || "binary".equals(lower(results)));
        }

        String charsets() {
            return "client " + client + ", connection " + connection + ", results " + results;
        }

        boolean noBackslashEscapes() {
            return modes().contains(NO_BACKSLASH_ESCAPES);
        }

        String sqlModeWithBackslashEscapes() {
            return modes().stream().filter(mode -> !mode.equals(NO_BACKSLASH_ESCAPES) && mode.matches("[A-Z0-9_]+"))
                    .collect(Collectors.joining(","));
        }

        boolean clean(Home home) {
            return utf8() && !noBackslashEscapes()
                    && (home == null || home.catalog() == null || home.catalog().equals(database));
        }

        private java.util.List<String> modes() {
            return sqlMode == null ? java.util.List.of()
                    : Arrays.stream(sqlMode.toUpperCase(Locale.ROOT).split(",")).map(String::trim).toList();
        }

        private static String lower(String value) {
            return value == null ? "" : value.toLowerCase(Locale.ROOT);
        }
    }

    private static void h2(Connection connection) throws SQLException {
        Home home = HOMES.get(connection.unwrap(Connection.class));
        if (home != null && home.schema() != null && !home.schema().equals(connection.getSchema())) {
            connection.setSchema(home.schema());
        }
    }

    private static void duckDb(Connection connection) throws SQLException {
        Home home = HOMES.get(connection.unwrap(Connection.class));
        if (home == null) {
            return;
        }
        Home now = duckDbHome(connection);
        if (!now.equals(home)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE " + quoted(home.catalog()) + "." + quoted(home.schema()));
            }
        }
    }

    private static Home duckDbHome(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database(), current_schema()")) {
            row.next();
            return new Home(row.getString(1), row.getString(2));
        }
    }

    private static String quoted(String identifier) {
        return "\"" + Objects.requireNonNull(identifier).replace("\"", "\"\"") + "\"";
    }

    private static SQLException unsafe(String why) {
        return new SQLException(why + ". The run was refused.", "42000");
    }
}
