package io.sightline.server.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Save conflicts on PostgreSQL, whose timestamps keep microseconds and whose concurrent updates wait for each other:
 * the stale save is still found, and the racing one still refused.
 */
class VisualizationsOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void aSaveOfAStaleCopyIsA409AndChangesNothing() {
        SaveConflicts.aSaveOfAStaleCopyIsRefused(api(), query());
    }

    @Test
    void ofTwoSavesOfOneCopyAtOnceOneIsSavedAndTheOtherIsA409() throws Exception {
        SaveConflicts.ofTwoSavesAtOnceOneWins(api(), query());
    }

    private long query() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        var created = api().post("/api/queries", Map.of("data_source_id", source, "name", "pg viz",
                "query", "SELECT 1 AS n"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
