package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.system.LimitsProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decoded page cache is bounded by estimated bytes (sightline.limits.result-page-cache-size), not by rows. */
class ResultPageCacheTest extends EmbeddedServerTest {

    @Autowired
    private ResultStore results;
    @Autowired
    private LimitsProperties limits;

    @Test
    void weighsCachedPagesByTheirTextNotTheirRowCount() {
        long before = results.cachedPageBytes();
        String job = UUID.randomUUID().toString();
        ResultWriter writer = results.open(job, 1, "page-cache-" + job, "SELECT wide",
                List.of(new Column("t", "t", ColumnType.STRING)), 10_000);
        String wide = "w".repeat(10_000);
        for (int i = 0; i < ResultStore.PAGE_SIZE; i++) {
            writer.add(new Object[] {wide});
        }
        long id = writer.finish(false, Duration.ofMillis(1));
        writer.close();
        results.rows(results.get(id), 0, 10);

        long added = results.cachedPageBytes() - before;
        assertThat(added).as("2,000 rows of 10,000 characters weigh their bytes, not 2,000")
                .isGreaterThanOrEqualTo(2_000L * 10_000);
        assertThat(results.cachedPageBytes()).isLessThanOrEqualTo(limits.resultPageCacheSize().toBytes());
    }
}
