package io.sightline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The baseline: each client thread runs the SQL on a PostgreSQL connection of its own, opened once and kept. */
final class DirectJdbcPath implements QueryPath, AutoCloseable {

    private final String url;
    private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    DirectJdbcPath(String url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "direct JDBC";
    }

    @Override
    public void run(String sql, long n) throws SQLException {
        try (Statement statement = connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next() || rs.getLong("n") != n) {
                throw new IllegalStateException("direct JDBC: expected n = " + n);
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection own = connection.get();
        if (own == null) {
            own = DriverManager.getConnection(url, "postgres", "");
            opened.add(own);
            connection.set(own);
        }
        return own;
    }

    /** Closes the connections of every thread (the client threads are gone by then). */
    @Override
    public void close() throws SQLException {
        for (Connection c = opened.poll(); c != null; c = opened.poll()) {
            c.close();
        }
    }
}
