package io.sightline.server.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import tools.jackson.databind.JsonNode;

/**
 * What two people saving one visualization see, through HTTP, on whichever metadata store the server runs on: the
 * later save of a stale copy is a 409 and changes nothing, as a query's does.
 */
final class SaveConflicts {

    private SaveConflicts() {
    }

    static void aSaveOfAStaleCopyIsRefused(Api api, long queryId) {
        JsonNode read = create(api, queryId);
        long id = read.path("id").asLong();
        String readAt = read.path("updated_at").asString();

        var mine = api.post("/api/visualizations/" + id, Map.of("name", "Mine", "updated_at", readAt));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("updated_at").asString()).as("a save moves updated_at on").isNotEqualTo(readAt);

        var theirs = api.post("/api/visualizations/" + id, Map.of("name", "Theirs", "updated_at", readAt,
                "options", Map.of("globalSeriesType", "line")));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(409);
        assertThat(theirs.message()).contains("Visualization " + id).contains("updated_at");
        JsonNode stored = stored(api, queryId, id);
        assertThat(stored.path("name").asString()).as("the refused save changed nothing").isEqualTo("Mine");
        assertThat(stored.path("options").path("globalSeriesType").asString()).isEqualTo("column");

        String sameInstantElsewhere = OffsetDateTime.parse(mine.json().path("updated_at").asString())
                .withOffsetSameInstant(ZoneOffset.ofHours(2)).toString();
        var fresh = api.post("/api/visualizations/" + id, Map.of("name", "Fresh", "updated_at",
                sameInstantElsewhere));
        assertThat(fresh.status()).as("the same instant in another offset is the same read").isEqualTo(200);

        var overwrite = api.post("/api/visualizations/" + id, Map.of("name", "Overwritten"));
        assertThat(overwrite.status()).as("without updated_at (an older client, or 'overwrite'): saved")
                .isEqualTo(200);
        assertThat(stored(api, queryId, id).path("name").asString()).isEqualTo("Overwritten");

        for (Object bad : List.of("yesterday", 7, List.of(readAt))) {
            var refused = api.post("/api/visualizations/" + id, Map.of("name", "Bad", "updated_at", bad));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.message()).contains("updated_at");
        }
        assertThat(stored(api, queryId, id).path("name").asString()).isEqualTo("Overwritten");
    }

    /** Two saves of one copy at the same moment, several times: each time exactly one is saved. */
    static void ofTwoSavesAtOnceOneWins(Api api, long queryId) throws Exception {
        for (int round = 0; round < 8; round++) {
            JsonNode read = create(api, queryId);
            long id = read.path("id").asLong();
            String readAt = read.path("updated_at").asString();
            var barrier = new CyclicBarrier(2);
            List<CompletableFuture<Api.Response>> saves = new ArrayList<>();
            for (String name : List.of("Left", "Right")) {
                saves.add(CompletableFuture.supplyAsync(() -> {
                    await(barrier);
                    return api.post("/api/visualizations/" + id, Map.of("name", name, "updated_at", readAt));
                }));
            }
            List<Api.Response> answers = saves.stream().map(CompletableFuture::join).toList();
            assertThat(answers).as("round " + round + ": " + answers).extracting(Api.Response::status)
                    .containsExactlyInAnyOrder(200, 409);
            String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json()
                    .path("name").asString();
            assertThat(stored(api, queryId, id).path("name").asString()).isEqualTo(winner);
        }
    }

    private static JsonNode create(Api api, long queryId) {
        var created = api.post("/api/visualizations", Map.of("query_id", queryId, "type", "CHART", "name", "Shared",
                "options", Map.of("globalSeriesType", "column")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    private static JsonNode stored(Api api, long queryId, long id) {
        return api.get("/api/queries/" + queryId).json().path("visualizations").valueStream()
                .filter(v -> v.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
