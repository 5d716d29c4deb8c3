package io.sightline.server.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Per-run cost of SessionReset.apply on one open connection, against a SELECT 1 round trip. */
public class SessionResetBench {

    /** Run on demand only (not a *Test class): {@code -Dtest=SessionResetBench}; figures go to standard output. */
    @org.junit.jupiter.api.Test
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        bench("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", SessionReset.Engine.POSTGRES, n);
        bench("MariaDB", "jdbc:mariadb://127.0.0.1:3306/mysql?user=root&useResetConnection=true", SessionReset.Engine.MARIADB, n);
        bench("H2", "jdbc:h2:mem:bench;USER=sa", SessionReset.Engine.H2, n);
    }

    static void bench(String name, String url, SessionReset.Engine engine, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            SessionReset.remember(c, engine);
            for (int i = 0; i < n / 4; i++) { SessionReset.apply(c, engine); select1(c); }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) select1(c);
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) SessionReset.apply(c, engine);
            long t2 = System.nanoTime();
            System.out.printf("%s: reset %.3f ms per run; SELECT 1 round trip %.3f ms (n=%d)%n", name,
                    (t2 - t1) / 1e6 / n, (t1 - t0) / 1e6 / n, n);
        }
    }

    static void select1(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) { r.next(); }
    }
}
