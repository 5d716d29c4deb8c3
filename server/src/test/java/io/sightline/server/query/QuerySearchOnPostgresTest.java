package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import io.sightline.server.support.Runs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Redash's search ({@code q=}) and the list fields from the latest result, on PostgreSQL as the metadata store. */
class QuerySearchOnPostgresTest extends PostgresMetadataServerTest {

    private final String marker = AccessFixtures.unique("pgsearch").replace("-", "");

    @Test
    void searchesWordsOrAndNegationAndIds() {
        long dataSource = new AccessFixtures(api()).privateDataSource();
        long better = save(dataSource, "Better");
        long faster = save(dataSource, "Faster");
        long harder = save(dataSource, "Harder");

        assertThat(search("better or faster")).containsExactlyInAnyOrder(better, faster);
        assertThat(search("er -better -(faster)")).containsExactly(harder);
        assertThat(search("better faster")).isEmpty();
        assertThat(search(Long.toString(faster))).containsExactly(faster);
    }

    @Test
    void listEntriesCarryTheLatestResultsTimeAndRuntime() {
        long dataSource = new AccessFixtures(api()).privateDataSource();
        long query = save(dataSource, "Ran");
        new Runs(api()).resultOf(api().post("/api/queries/" + query + "/results", Map.of("max_age", 0)));

        JsonNode entry = api().get("/api/queries?tags=" + marker).json().path("results").get(0);

        assertThat(entry.path("retrieved_at").isString()).as(entry.toString()).isTrue();
        assertThat(entry.path("runtime").isNumber()).as(entry.toString()).isTrue();
        assertThat(entry.path("last_modified_by_id").asLong()).isEqualTo(entry.path("user").path("id").asLong());
    }

    private List<Long> search(String term) {
        var answer = api().get("/api/queries?tags=" + marker + "&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("results").valueStream().map(q -> q.path("id").asLong()).toList();
    }

    private long save(long dataSource, String name) {
        var response = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", name,
                "query", "SELECT 1", "tags", List.of(marker)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
