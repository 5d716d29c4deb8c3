package io.sightline.server.datasource;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Opens an H2 database, which runs inside this server's JVM, so that the SQL sent to it cannot reach the server:
 * queries run as the user {@value #USER}, which has no admin rights. H2 lets only admins define Java functions
 * ({@code CREATE ALIAS}), call {@code FILE_READ}, {@code FILE_WRITE}, {@code CSVREAD}, {@code CSVWRITE},
 * {@code LINK_SCHEMA}, {@code RUNSCRIPT} or {@code SCRIPT}, or change database settings. The configured user
 * (when it is an admin) creates that user and grants it {@code SELECT} on every schema, plus {@code INSERT},
 * {@code UPDATE} and {@code DELETE} when an admin allowed writes; without admin rights the configured user is
 * already fenced and is used as it is.
 *
 * <p>The user's password is random per server process and set again on every connect, so that it never has
 * to be stored. Two servers sharing one H2 TCP server would take turns resetting it: give each its own.
 */
final class H2Sandbox {

    static final String USER = "SIGHTLINE_SANDBOX";
    private static final String QUOTED_USER = "\"" + USER + "\"";

    enum Mode {
        /** Not an H2 database. */
        NONE,
        /** Queries may read every schema. */
        READ_ONLY,
        /** Queries may also insert, update and delete rows (never create objects or reach files). */
        WRITABLE
    }

    private static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    private H2Sandbox() {
    }

    static Connection open(Driver driver, String url, Properties configured, Mode mode) throws SQLException {
        // The setup connection stays open until the sandboxed one is, so the database keeps the settings the
        // configured user's URL applied; the sandboxed user may not apply them (H2 needs admin rights for most).
        try (Connection setup = connect(driver, url, configured)) {
            if (!isAdmin(setup)) {
                return connect(driver, url, configured);
            }
            synchronized (H2Sandbox.class) { // concurrent grants on one database would fail each other
                prepare(setup, mode);
            }
            Properties sandboxed = new Properties();
            sandboxed.putAll(configured);
            sandboxed.setProperty("user", USER);
            sandboxed.setProperty("password", PASSWORD);
            return connect(driver, url + ";IGNORE_UNKNOWN_SETTINGS=TRUE", sandboxed);
        }
    }

    private static Connection connect(Driver driver, String url, Properties properties) throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("No JDBC driver on the server accepts the URL " + url, "08001");
        }
        return connection;
    }

    private static boolean isAdmin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static void prepare(Connection connection, Mode mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + QUOTED_USER + " PASSWORD '" + PASSWORD + "'");
            statement.execute("ALTER USER " + QUOTED_USER + " SET PASSWORD '" + PASSWORD + "'");
            statement.execute("ALTER USER " + QUOTED_USER + " ADMIN FALSE");
            for (String schema : schemas(statement)) {
                String name = "\"" + schema.replace("\"", "\"\"") + "\"";
                statement.execute("GRANT SELECT ON SCHEMA " + name + " TO " + QUOTED_USER);
                statement.execute((mode == Mode.WRITABLE ? "GRANT" : "REVOKE") + " INSERT, UPDATE, DELETE ON SCHEMA "
                        + name + (mode == Mode.WRITABLE ? " TO " : " FROM ") + QUOTED_USER);
            }
        }
    }

    private static List<String> schemas(Statement statement) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) <> 'INFORMATION_SCHEMA'")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }
}
