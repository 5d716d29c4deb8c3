package io.sightline.bench;

import java.time.Duration;
import java.util.Map;

/** One way to run a query: through a server's HTTP API, or straight through JDBC. */
interface QueryPath {

    /** What the tables call it. */
    String name();

    /**
     * Runs {@code sql} and checks that its first row's {@code n} column is {@code n}, so that a wrong or
     * stale answer fails the benchmark instead of flattering it. Safe to call from several threads.
     */
    void run(String sql, long n) throws Exception;

    /** CPU time each server process behind this path has used so far, by process name (none for direct JDBC). */
    default Map<String, Duration> serverCpu() {
        return Map.of();
    }
}
