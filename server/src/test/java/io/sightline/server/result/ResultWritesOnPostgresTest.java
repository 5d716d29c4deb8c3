package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a result reaches the metadata store: one of at most a page is written whole when it finishes (nothing of it
 * exists before, nothing stays when the run fails), a larger one page by page behind an incomplete header; either
 * way a job keeps one result, also when its second run is of the other kind.
 */
class ResultWritesOnPostgresTest extends PostgresMetadataServerTest {

    private static final List<Column> COLUMNS = List.of(new Column("n", "n", ColumnType.INTEGER));
    private static final int ONE_PAGE = ResultStore.PAGE_SIZE;

    @Autowired
    private ResultStore results;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aResultOfOnePageIsWrittenOnlyWhenItFinishes() {
        String hash = uniqueHash();
        ResultWriter writer = open(UUID.randomUUID().toString(), hash);
        rows(writer, 1, ONE_PAGE - 1);

        assertThat(headers(hash)).as("nothing written while rows come").isZero();
        long id = writer.finish(false, Duration.ofMillis(3));

        StoredResult stored = results.get(id);
        assertThat(stored.rowCount()).isEqualTo(ONE_PAGE - 1);
        assertThat(stored.runtime()).isEqualTo(0.003);
        assertThat(results.rows(stored, ONE_PAGE - 3, 5)).extracting(row -> row[0]).containsExactly(ONE_PAGE - 2, ONE_PAGE - 1);
        assertThat(storedPages(id)).isEqualTo(1);
    }

    @Test
    void aLargerResultHasItsIncompleteHeaderFromItsFirstFullPageOn() {
        String hash = uniqueHash();
        ResultWriter writer = open(UUID.randomUUID().toString(), hash);
        rows(writer, 1, ONE_PAGE + 5);

        assertThat(headers(hash)).as("its pages need a header to belong to").isEqualTo(1);
        assertThat(results.latest(1, hash, null)).as("not visible before it finishes").isEmpty();
        long id = writer.finish(true, Duration.ofMillis(1));

        assertThat(results.get(id).rowCount()).isEqualTo(ONE_PAGE + 5);
        assertThat(results.get(id).truncated()).isTrue();
        assertThat(results.rows(results.get(id), ONE_PAGE + 3, 10)).extracting(row -> row[0]).containsExactly(ONE_PAGE + 4, ONE_PAGE + 5);
        assertThat(storedPages(id)).isEqualTo(2);
    }

    @Test
    void anEmptyResultIsStoredWithNoRows() {
        String hash = uniqueHash();
        long id = open(UUID.randomUUID().toString(), hash).finish(false, Duration.ofMillis(1));

        assertThat(results.get(id).rowCount()).isZero();
        assertThat(results.rows(results.get(id), 0, 10)).isEmpty();
        assertThat(results.latest(1, hash, null)).map(StoredResult::id).contains(id);
    }

    @Test
    void aRunThatFailsBeforeItFinishesLeavesNothing() {
        String small = uniqueHash();
        String large = uniqueHash();
        try (ResultWriter writer = open(UUID.randomUUID().toString(), small)) {
            rows(writer, 1, 10);
        }
        try (ResultWriter writer = open(UUID.randomUUID().toString(), large)) {
            rows(writer, 1, ONE_PAGE + 1);
        }

        assertThat(headers(small)).isZero();
        assertThat(headers(large)).as("the incomplete header and its page are deleted").isZero();
    }

    @Test
    void aSmallSecondRunOfAJobEndsWithTheLargeFirstRunsResult() {
        String job = UUID.randomUUID().toString();
        String hash = uniqueHash();
        ResultWriter first = open(job, hash);
        rows(first, 1, ONE_PAGE + 1);
        long firstId = first.finish(false, Duration.ofMillis(1));

        ResultWriter second = open(job, hash);
        rows(second, 100, 1);
        long secondId = second.finish(false, Duration.ofMillis(1));
        second.close();

        assertThat(secondId).isEqualTo(firstId);
        assertThat(headers(hash)).as("the second run's rows are not stored").isEqualTo(1);
        assertThat(results.rows(results.get(firstId), 0, 1)).singleElement().satisfies(row -> assertThat(row[0]).isEqualTo(1));
    }

    @Test
    void aLargeSecondRunOfAJobEndsWithTheSmallFirstRunsResult() {
        String job = UUID.randomUUID().toString();
        String hash = uniqueHash();
        ResultWriter first = open(job, hash);
        rows(first, 7, 1);
        long firstId = first.finish(false, Duration.ofMillis(1));

        ResultWriter second = open(job, hash);
        rows(second, 1, ONE_PAGE + 1);
        long secondId = second.finish(false, Duration.ofMillis(1));

        assertThat(secondId).isEqualTo(firstId);
        assertThat(headers(hash)).as("the second run's header and pages are deleted").isEqualTo(1);
        assertThat(results.get(firstId).rowCount()).isEqualTo(1);
    }

    private ResultWriter open(String job, String hash) {
        return results.open(job, 1, hash, "SELECT n", COLUMNS, 100_000);
    }

    private static void rows(ResultWriter writer, int from, int count) {
        for (int n = from; n < from + count; n++) {
            writer.add(new Object[] {n});
        }
    }

    private long headers(String hash) {
        return jdbc.sql("SELECT count(*) FROM query_results WHERE query_hash = ?").param(hash).query(Long.class).single();
    }

    private long storedPages(long id) {
        return jdbc.sql("SELECT count(*) FROM query_result_pages WHERE result_id = ?").param(id).query(Long.class).single();
    }

    private static String uniqueHash() {
        return "writes-" + UUID.randomUUID();
    }
}
