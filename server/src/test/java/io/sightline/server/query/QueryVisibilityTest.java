package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A query is seen only by users whose groups reach its data source (view-only is enough); to anyone else it does
 * not exist: absent from every list, search and tag count, and "not found" by id, as a missing id is.
 */
class QueryVisibilityTest extends EmbeddedServerTest {

    private AccessFixtures fixtures;
    private long reached;
    private long unreached;
    private Member viewer;
    private String marker;

    @BeforeEach
    void viewerReachingOneDataSourceOfTwo() {
        fixtures = new AccessFixtures(api());
        reached = fixtures.privateDataSource();
        unreached = fixtures.privateDataSource();
        viewer = fixtures.user("Viewer");
        fixtures.grant(viewer, reached, true);
        marker = AccessFixtures.unique("vis").replace("-", "");
    }

    @Test
    void hidesQueriesOnUnreachedDataSourcesFromListsSearchAndTags() {
        long seen = save(reached, "seen");
        long hidden = save(unreached, "hidden");

        assertThat(ids(viewer.api(), "/api/queries?page_size=250&q=" + marker)).containsExactly(seen);
        assertThat(ids(viewer.api(), "/api/queries/search?q=" + marker)).containsExactly(seen);
        assertThat(ids(viewer.api(), "/api/queries?tags=" + marker)).containsExactly(seen);
        assertThat(tagCount(viewer.api())).as("only the visible query carries the tag").isEqualTo(1);
        assertThat(viewer.api().get("/api/queries?q=" + marker).json().path("count").asInt()).isEqualTo(1);

        assertThat(ids(api(), "/api/queries?q=" + marker)).as("admins see all").containsExactlyInAnyOrder(seen, hidden);
        assertThat(tagCount(api())).isEqualTo(2);
    }

    @Test
    void answersNotFoundForAQueryOnAnUnreachedDataSourceAsForAMissingId() {
        long hidden = save(unreached, "hidden");
        long missing = hidden + 1_000_000;
        var absent = viewer.api().get("/api/queries/" + missing);
        assertThat(absent.status()).isEqualTo(404);

        for (String path : List.of("", "/versions", "/versions/1")) {
            var response = viewer.api().get("/api/queries/" + hidden + path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(404);
            assertThat(response.message()).isEqualTo(absent.message().replace(String.valueOf(missing), String.valueOf(hidden)));
            assertThat(response.body()).doesNotContain(marker);
        }
        for (String path : List.of("/fork", "/favorite", "")) {
            var response = viewer.api().post("/api/queries/" + hidden + path, Map.of("name", "taken over"));
            assertThat(response.status()).as(path + ": " + response).isEqualTo(404);
            assertThat(response.message()).isEqualTo("Query " + hidden + " does not exist");
        }
        var run = viewer.api().post("/api/queries/" + hidden + "/results", Map.of("max_age", 0));
        assertThat(run.status()).as(run.toString()).isEqualTo(404);
        assertThat(run.message()).isEqualTo("Query " + hidden + " does not exist");
        assertThat(viewer.api().delete("/api/queries/" + hidden + "/favorite").status()).isEqualTo(404);
        assertThat(viewer.api().delete("/api/queries/" + hidden).status()).isEqualTo(404);
        assertThat(api().get("/api/queries/" + hidden).json().path("name").asString()).contains("hidden");
    }

    @Test
    void ownFavouriteAndRecentQueriesDisappearWhenAccessIsTaken() {
        Member analyst = fixtures.user("Analyst");
        long group = fixtures.grant(analyst, reached, false);
        var created = analyst.api().post("/api/queries", Map.of("data_source_id", reached, "name", "mine " + marker,
                "query", "SELECT 1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long mine = created.json().path("id").asLong();
        assertThat(analyst.api().post("/api/queries/" + mine + "/favorite", Map.of()).status()).isEqualTo(200);
        assertThat(ids(analyst.api(), "/api/queries/my?q=" + marker)).containsExactly(mine);
        assertThat(ids(analyst.api(), "/api/queries/favorites?q=" + marker)).containsExactly(mine);
        assertThat(ids(analyst.api(), "/api/queries/recent?q=" + marker)).containsExactly(mine);

        fixtures.revoke(group, reached);

        for (String list : List.of("/api/queries/my", "/api/queries/favorites", "/api/queries")) {
            JsonNode page = analyst.api().get(list + "?q=" + marker).json();
            assertThat(page.path("results").isArray()).as(list).isTrue();
            assertThat(page.path("results").size()).as(list).isZero();
            assertThat(page.path("count").asInt()).as(list).isZero();
        }
        JsonNode recent = analyst.api().get("/api/queries/recent?q=" + marker).json();
        assertThat(recent.isArray()).isTrue();
        assertThat(recent.size()).isZero();
        assertThat(analyst.api().get("/api/queries/" + mine).status()).isEqualTo(404);
    }

    @Test
    void countsAndPagesOnlyTheVisibleQueries() {
        List<Long> visible = List.of(save(reached, "a"), save(reached, "b"), save(reached, "c"));
        for (int i = 0; i < 4; i++) {
            save(unreached, "hidden " + i);
        }
        JsonNode first = viewer.api().get("/api/queries?page_size=2&order=created_at&q=" + marker).json();
        JsonNode second = viewer.api().get("/api/queries?page_size=2&page=2&order=created_at&q=" + marker).json();
        assertThat(first.path("count").asInt()).isEqualTo(3);
        assertThat(second.path("count").asInt()).isEqualTo(3);
        assertThat(first.path("results").size()).as("a full first page").isEqualTo(2);
        assertThat(second.path("results").size()).isEqualTo(1);
        assertThat(List.of(first.path("results").get(0).path("id").asLong(), first.path("results").get(1).path("id").asLong(),
                second.path("results").get(0).path("id").asLong())).containsExactlyInAnyOrderElementsOf(visible);
    }

    @Test
    void userWithoutAnyDataSourceSeesNoQueries() {
        save(reached, "seen by some");
        Member outsider = fixtures.user("Outsider");
        JsonNode page = outsider.api().get("/api/queries?q=" + marker).json();
        assertThat(page.path("count").asInt()).isZero();
        assertThat(tagCount(outsider.api())).isZero();
    }

    private long save(long dataSource, String name) {
        var response = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", name + " " + marker,
                "query", "SELECT 1 -- " + marker, "tags", List.of(marker)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private static List<Long> ids(Api as, String path) {
        var response = as.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        return (json.isArray() ? json : json.path("results")).valueStream().map(q -> q.path("id").asLong()).toList();
    }

    private int tagCount(Api as) {
        return as.get("/api/queries/tags").json().path("tags").valueStream()
                .filter(t -> marker.equals(t.path("name").asString())).mapToInt(t -> t.path("count").asInt())
                .findFirst().orElse(0);
    }
}
