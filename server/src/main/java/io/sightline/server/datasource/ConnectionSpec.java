package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How to open a JDBC connection to a data source: the URL and the driver properties (user and password
 * included). Two equal specs reach the same database the same way, so a pool built for one serves the other.
 *
 * @param readOnly the driver opens the database read-only; the pool must then ask for read-only connections,
 *                 because DuckDB refuses any change of a connection's read-only flag (HikariCP sets it)
 * @param h2Sandbox how an H2 database, which runs inside this server, is opened: as a user without admin rights
 *                  ({@link H2Sandbox}); {@link H2Sandbox.Mode#NONE} for every other database
 */
record ConnectionSpec(String url, Map<String, String> properties, boolean readOnly, H2Sandbox.Mode h2Sandbox) {

    ConnectionSpec {
        properties = Map.copyOf(properties);
    }

    ConnectionSpec(String url, Map<String, String> properties) {
        this(url, properties, false, H2Sandbox.Mode.NONE);
    }

    ConnectionSpec(String url, Map<String, String> properties, boolean readOnly) {
        this(url, properties, readOnly, H2Sandbox.Mode.NONE);
    }

    /** Driver properties holding the user and password where they are set; callers add their own. */
    static Map<String, String> credentials(String user, String password) {
        var properties = new HashMap<String, String>();
        if (user != null && !user.isEmpty()) {
            properties.put("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.put("password", password);
        }
        return properties;
    }

    Properties driverProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    Driver driver() throws SQLException {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SQLException("No JDBC driver on the server accepts the URL " + url, "08001");
        }
    }

    /** A connection of its own, outside any pool (connection tests, schema reads). */
    Connection open() throws SQLException {
        Connection connection = h2Sandbox == H2Sandbox.Mode.NONE
                ? driver().connect(url, driverProperties())
                : H2Sandbox.open(driver(), url, driverProperties(), h2Sandbox);
        if (connection == null) {
            throw new SQLException("No JDBC driver on the server accepts the URL " + url, "08001");
        }
        return connection;
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + properties.keySet() + "]"; // the URL and properties may carry secrets
    }
}
