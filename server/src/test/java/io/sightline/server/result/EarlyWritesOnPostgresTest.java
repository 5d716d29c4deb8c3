package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.PostgresMetadataServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A result's writes before its completion commit without waiting for PostgreSQL's disk, and nothing else does: the
 * completion's commit (which makes the result visible, and durable with every write before it) still waits.
 */
class EarlyWritesOnPostgresTest extends PostgresMetadataServerTest {

    private static final String SETTING = "SELECT current_setting('synchronous_commit')";

    @Autowired
    private EarlyWrites earlyWrites;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void anEarlyWriteCommitsWithoutWaitingForTheDisk() {
        assertThat(earlyWrites.write(() -> jdbc.sql(SETTING).query(String.class).single())).isEqualTo("off");
    }

    @Test
    void theCompletionAndEveryLaterTransactionStillWait() {
        earlyWrites.write(() -> jdbc.sql(SETTING).query(String.class).single());

        for (int i = 0; i < 12; i++) { // more than the pool's connections: none keeps the setting
            String setting = transactions.execute(status -> jdbc.sql(SETTING).query(String.class).single());
            assertThat(setting).isEqualTo("on");
        }
    }

    @Test
    void insideACallersTransactionItChangesNothing() {
        String setting = transactions.execute(status -> {
            earlyWrites.write(() -> jdbc.sql(SETTING).query(String.class).single());
            return jdbc.sql(SETTING).query(String.class).single();
        });

        assertThat(setting).isEqualTo("on");
    }
}
