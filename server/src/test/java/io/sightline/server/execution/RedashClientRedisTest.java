package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Redash-way client against the server on the Redis queue, configured here to answer every run with its job at
 * once: the client polls, as it would against Redash.
 */
class RedashClientRedisTest extends RedisQueueServerTest implements RedashClientContract {

    @Override
    public Api redashApi() {
        return api();
    }

    @Test
    void runAnsweredWithItsJobIsPolled() {
        var client = new RedashWayClient(api());
        var answer = api().post("/api/query_results", Map.of("data_source_id",
                new DataSourceFixtures(api()).postgres(Map.of()), "query", "SELECT 43 AS answer", "max_age", 0));
        assertThat(answer.json().has("query_result")).as(answer.toString()).isFalse();
        assertThat(client.followRun(answer).path("data").path("rows").get(0).path("answer").asInt()).isEqualTo(43);
        assertThat(client.polls()).isPositive();
    }
}
