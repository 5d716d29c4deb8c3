package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Redash-way client against the embedded server, which answers quick runs finished (with job and result). */
class RedashClientEmbeddedTest extends EmbeddedServerTest implements RedashClientContract {

    @Override
    public Api redashApi() {
        return api();
    }

    @Test
    void quickRunIsAnsweredFinishedSoTheClientNeedNotPoll() {
        var client = new RedashWayClient(api());
        var answer = api().post("/api/query_results", Map.of("data_source_id",
                new DataSourceFixtures(api()).postgres(Map.of()), "query", "SELECT 42 AS answer", "max_age", 0));
        assertThat(answer.json().path("job").path("status").asInt()).as(answer.toString()).isEqualTo(3);
        assertThat(client.followRun(answer).path("data").path("rows").get(0).path("answer").asInt()).isEqualTo(42);
        assertThat(client.polls()).isZero();
    }
}
