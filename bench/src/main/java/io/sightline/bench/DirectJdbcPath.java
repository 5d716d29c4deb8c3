package io.sightline.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline: the SQL straight on PostgreSQL through a HikariCP pool as large as a server's data source pool.
 * The pool also waits out a moment when the shared PostgreSQL has no connection to spare, as the servers' pools do.
 */
final class DirectJdbcPath implements QueryPath, AutoCloseable {

    private final HikariDataSource pool;

    DirectJdbcPath(String url, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPoolName("bench-direct");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        this.pool = new HikariDataSource(config);
    }

    @Override
    public String name() {
        return "direct JDBC";
    }

    @Override
    public void run(String sql, long n) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next() || rs.getLong("n") != n) {
                throw new IllegalStateException("direct JDBC: expected n = " + n);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
