package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HTTP race test cannot make sure both requests get past the early version check; this one holds the first
 * transaction open while the second one's {@code UPDATE ... WHERE version = ?} runs into it.
 */
class QueryOptimisticLockTest extends QueryTestBase {

    @Autowired
    QueryRepository queries;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void updateOfAVersionChangedByAnOpenTransactionWaitsAndThenMissesIt() throws Exception {
        long id = createQuery("SELECT 0").path("id").asLong();
        long admin = userId(api());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            boolean updated = queries.update(id, 1L, edit("SELECT 1"), admin, now());
            firstWrote.countDown();
            await(secondStarted);
            sleep(300); // let the second UPDATE reach the row lock before this transaction commits
            return updated;
        }));
        await(firstWrote);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            secondStarted.countDown();
            return queries.update(id, 1L, edit("SELECT 2"), admin, now());
        }));

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        QueryRow row = queries.find(id).orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.queryText()).isEqualTo("SELECT 1");
    }

    private static QueryEdit edit(String sql) {
        return new QueryEdit(Set.of(QueryEdit.QUERY), null, null, null, sql, null, null, null, null, 1L, null, null);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
