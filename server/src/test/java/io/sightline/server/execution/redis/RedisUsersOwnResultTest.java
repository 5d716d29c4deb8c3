package io.sightline.server.execution.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run that is its user's own ({@code {{ current_user.* }}}) travels through the Redis queue to a worker and is
 * stored as that user's: readable by its id by them alone, not by another user of the same data source, nor by an
 * admin.
 */
class RedisUsersOwnResultTest extends RedisQueueServerTest {

    @Test
    void aUsersOwnRunThroughTheQueueIsReadableByItsIdOnlyByThatUser() {
        var access = new AccessFixtures(api());
        long source = access.privateDataSource();
        var alice = access.user("Alice");
        var bob = access.user("Bob");
        access.grant(alice, source, false);
        access.grant(bob, source, false);

        JsonNode own = new Runs(alice.api()).resultOf(alice.api().post("/api/query_results", Map.of(
                "data_source_id", source, "max_age", 0, "query", "SELECT '{{ current_user.name }}' AS who")));
        String path = "/api/query_results/" + own.path("id").asLong();

        assertThat(own.path("data").path("rows").get(0).path("who").asString()).isEqualTo(alice.name());
        assertThat(alice.api().get(path).status()).isEqualTo(200);
        assertThat(bob.api().get(path).status()).as("another user of the data source").isEqualTo(404);
        assertThat(api().get(path).status()).as("an admin").isEqualTo(404);

        JsonNode everyones = new Runs(alice.api()).resultOf(alice.api().post("/api/query_results", Map.of(
                "data_source_id", source, "max_age", 0, "query", "SELECT 'anyone' AS who")));
        assertThat(bob.api().get("/api/query_results/" + everyones.path("id").asLong()).status())
                .as("a run that names no user is everyone's who reach the data source").isEqualTo(200);
    }
}
