package io.sightline.server.support;

import java.sql.DriverManager;
import java.sql.SQLException;

/** What the machine's PostgreSQL is running right now, seen from outside the server. */
public final class PostgresActivity {

    private PostgresActivity() {
    }

    /** Statements running (state {@code active}) whose text contains {@code marker}. */
    public static int activeStatements(String marker) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                     + " WHERE state = 'active' AND query LIKE ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
