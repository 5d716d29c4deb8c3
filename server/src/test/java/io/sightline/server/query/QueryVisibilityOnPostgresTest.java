package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lists' data source filter (count, paging, tags, one query) on PostgreSQL as the metadata store. */
class QueryVisibilityOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void listsCountPagesAndTagsOnlyQueriesOnReachedDataSources() {
        var fixtures = new AccessFixtures(api());
        long reached = fixtures.privateDataSource();
        long unreached = fixtures.privateDataSource();
        Member viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, reached, true);
        String marker = AccessFixtures.unique("pgvis").replace("-", "");
        for (int i = 0; i < 3; i++) {
            save(reached, "seen " + i + " " + marker, marker);
            save(unreached, "hidden " + i + " " + marker, marker);
        }
        long hidden = save(unreached, "hidden last " + marker, marker);

        JsonNode first = viewer.api().get("/api/queries?page_size=2&tags=" + marker).json();
        JsonNode second = viewer.api().get("/api/queries?page_size=2&page=2&tags=" + marker).json();
        assertThat(first.path("count").asInt()).isEqualTo(3);
        assertThat(first.path("results").size()).isEqualTo(2);
        assertThat(second.path("results").size()).isEqualTo(1);
        assertThat(first.path("results").values()).extracting(q -> q.path("name").asString())
                .allMatch(name -> name.startsWith("seen"));
        assertThat(viewer.api().get("/api/queries/search?q=" + marker).json().path("count").asInt()).isEqualTo(3);
        assertThat(viewer.api().get("/api/queries/tags").json().path("tags").valueStream()
                .filter(t -> marker.equals(t.path("name").asString())).findFirst().orElseThrow()
                .path("count").asInt()).isEqualTo(3);
        var notFound = viewer.api().get("/api/queries/" + hidden);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.message()).isEqualTo("Query " + hidden + " does not exist");

        assertThat(api().get("/api/queries?tags=" + marker).json().path("count").asInt()).isEqualTo(7);

        Member outsider = fixtures.user("Outsider");
        assertThat(outsider.api().get("/api/queries?tags=" + marker).json().path("count").asInt()).isZero();
    }

    private long save(long dataSource, String name, String tag) {
        var response = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", name,
                "query", "SELECT 1", "tags", List.of(tag)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}
