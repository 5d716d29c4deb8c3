package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;

/**
 * Parameter values are escaped before a query is queued, for standard SQL strings on PostgreSQL (a backslash is
 * an ordinary character). A PostgreSQL connection that reports {@code standard_conforming_strings = off} (the
 * server's configuration, or an earlier query on the pooled connection set it) would read {@code \'} as an
 * escaped quote and let a value end its literal: such a connection is switched back on before it is lent, or
 * refused when the server will not.
 */
final class StringLiterals {

    private StringLiterals() {
    }

    static Connection standard(Connection connection) throws SQLException {
        try {
            if (!connection.isWrapperFor(BaseConnection.class)) {
                return connection;
            }
            BaseConnection postgres = connection.unwrap(BaseConnection.class);
            if (postgres.getStandardConformingStrings()) {
                return connection;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET standard_conforming_strings = on");
            }
            if (!postgres.getStandardConformingStrings()) {
                throw new SQLException("The database keeps standard_conforming_strings off, so parameter values"
                        + " cannot be written into SQL safely: turn it on for this database", "42000");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
