package io.sightline.server.datasource;

import io.sightline.common.parameter.SqlDialect;
import java.time.Duration;

/**
 * What running a query on a data source needs to know: whether it is paused, and its limits (its own
 * {@code row_limit} / {@code query_timeout} / {@code concurrency_limit} options, else the server's defaults).
 *
 * @param concurrencyLimit queries that may run at once on it across all workers; 0 for no limit
 * @param dialect how parameter values are escaped for the engine its driver reaches (MySQL escaping for a
 *                generic JDBC source on a MariaDB/MySQL URL as for the mysql type)
 * @param identity whether and how each run hands its user to the database for its own row-level security
 *                 (PostgreSQL's {@code pass_identity}, {@link PassedIdentity}); {@link PassedIdentity#NONE} when not
 */
public record DataSourceInfo(long id, String name, String type, boolean paused, String pauseReason, int rowLimit,
                             Duration timeLimit, int concurrencyLimit, SqlDialect dialect, PassedIdentity identity) {

    /** Whether each run's result is its user's own: the database is told who runs it, so it may answer each user apart. */
    public boolean resultsPerUser() {
        return identity.passed();
    }

    /** Whether a {@code LIMIT} may be appended to its SQL: so for every type but a generic JDBC URL's database. */
    public boolean supportsAutoLimit() {
        return supportsAutoLimit(type);
    }

    static boolean supportsAutoLimit(String type) {
        return !"jdbc".equals(type);
    }
}
