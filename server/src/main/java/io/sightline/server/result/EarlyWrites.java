package io.sightline.server.result;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of a result before its completion (the incomplete header, the pages): on PostgreSQL their commits do
 * not wait for the disk ({@code synchronous_commit} off for their transaction only). Nothing is made less durable:
 * until the completion commits, nobody sees the result (readers ask for {@code complete}), and the completion's own
 * commit does wait, which flushes the write-ahead log up to it, so every earlier write of the result with it. A
 * crash of PostgreSQL before that loses only rows that were never visible (and that the incomplete-result cleanup
 * would delete). What it saves is a wait for the disk per write: two a small result, each several milliseconds on a
 * busy disk, on the worker thread's path (issue 10). Other stores (H2) write as before.
 */
@Component
class EarlyWrites {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Boolean postgres;

    EarlyWrites(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    <T> T write(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || !postgres()) {
            return write.get(); // inside a caller's transaction the setting would apply to its commit too
        }
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            return write.get();
        });
    }

    /** Asked once, on first use: the store may be down while the server starts. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                return false; // the write itself will meet the same trouble and report it
            }
            postgres = known;
        }
        return known;
    }
}
