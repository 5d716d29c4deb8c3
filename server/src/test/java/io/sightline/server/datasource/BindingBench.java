package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** What binding a value changes on PostgreSQL: semantics of untyped text and the plan of a skewed column. */
public class BindingBench {

    /** Run on demand only (not a *Test class): {@code -Dtest=BindingBench}; figures go to standard output. */
    @org.junit.jupiter.api.Test
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE bind_orders AS SELECT g AS id, CASE WHEN g % 1000 = 0 THEN 'rare' ELSE 'common' END AS status FROM generate_series(1, 200000) g");
                s.execute("CREATE INDEX ON bind_orders (status)");
                s.execute("ANALYZE bind_orders");
            }
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM bind_orders WHERE id = ?")) {
                p.setString(1, "42");
                p.executeQuery();
                System.out.println("bound text into integer comparison: ok");
            } catch (Exception e) {
                System.out.println("bound text into integer comparison: " + e.getMessage().lines().findFirst().orElse(""));
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM bind_orders WHERE id = '42'")) {
                r.next();
                System.out.println("inlined '42' into integer comparison: " + r.getLong(1) + " row");
            }
            for (String v : new String[] {"rare", "common"}) {
                int n = 20;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), max(id) FROM bind_orders WHERE status = '" + v + "'")) { r.next(); }
                }
                long t1 = System.nanoTime();
                try (PreparedStatement p = c.prepareStatement("SELECT count(*), max(id) FROM bind_orders WHERE status = ?")) {
                    for (int i = 0; i < n; i++) { p.setString(1, v); try (ResultSet r = p.executeQuery()) { r.next(); } }
                }
                long t2 = System.nanoTime();
                System.out.printf("status='%s': inlined %.2f ms, bound %.2f ms per run (n=%d)%n", v, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, n);
            }
        }
    }
}
