package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.Runs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The navigator's lists: "my" queries, favourites and recently used queries, each per caller. */
class QueryNavigatorTest extends QueryTestBase {

    /** The ids of a page, or of a plain array (recent queries). */
    private static List<Long> ids(JsonNode page) {
        JsonNode items = page.isArray() ? page : page.path("results");
        return items.values().stream().map(q -> q.path("id").asLong()).toList();
    }

    private JsonNode page(Api as, String path) {
        var response = as.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long queryOf(Api as) {
        return create(as, body("data_source_id", dataSource(), "name", unique("nav"), "query", "SELECT 1"))
                .path("id").asLong();
    }

    @Test
    void myQueriesAreOnlyTheCallersOwn() {
        Api ann = newUser("ann");
        long annsQuery = queryOf(ann);
        long adminsQuery = queryOf(api());

        JsonNode mine = page(ann, "/api/queries/my?page_size=250");

        assertThat(ids(mine)).contains(annsQuery).doesNotContain(adminsQuery);
        assertThat(mine.path("count").asLong()).isEqualTo(ids(mine).size());
        assertThat(mine.path("page").asInt()).isEqualTo(1);
        assertThat(mine.path("page_size").asInt()).isEqualTo(250);
        assertThat(ids(page(api(), "/api/queries/my?page_size=250"))).contains(adminsQuery).doesNotContain(annsQuery);
    }

    @Test
    void aFavouriteIsListedAndFlaggedForItsUserOnly() {
        Api ann = newUser("ann");
        long starred = queryOf(api());
        long other = queryOf(api());

        var star = ann.post("/api/queries/" + starred + "/favorite", Map.of());
        assertThat(star.status()).as(star.toString()).isEqualTo(200);
        assertThat(star.json().path("is_favorite").asBoolean()).isTrue();
        assertThat(ann.post("/api/queries/" + starred + "/favorite", Map.of()).status()).isEqualTo(200); // twice: ok

        JsonNode favorites = page(ann, "/api/queries/favorites");
        assertThat(ids(favorites)).containsExactly(starred);
        assertThat(favorites.path("count").asLong()).isEqualTo(1);
        assertThat(favorites.path("results").get(0).path("is_favorite").asBoolean()).isTrue();
        assertThat(ann.get("/api/queries/" + starred).json().path("is_favorite").asBoolean()).isTrue();
        assertThat(ann.get("/api/queries/" + other).json().path("is_favorite").asBoolean()).isFalse();
        assertThat(api().get("/api/queries/" + starred).json().path("is_favorite").asBoolean()).isFalse();
        assertThat(page(api(), "/api/queries/favorites?page_size=250").path("results").values().stream()
                .map(q -> q.path("id").asLong())).doesNotContain(starred);
        JsonNode listed = page(ann, "/api/queries?page_size=250").path("results").values().stream()
                .filter(q -> q.path("id").asLong() == starred).findFirst().orElseThrow();
        assertThat(listed.path("is_favorite").asBoolean()).isTrue();

        var unstar = ann.delete("/api/queries/" + starred + "/favorite");
        assertThat(unstar.status()).as(unstar.toString()).isEqualTo(200);
        assertThat(unstar.json().path("is_favorite").asBoolean()).isFalse();
        assertThat(ids(page(ann, "/api/queries/favorites"))).isEmpty();
    }

    @Test
    void favouritesOfAnUnknownQueryAre404() {
        var response = api().post("/api/queries/987654321/favorite", Map.of());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Query 987654321 does not exist");
        assertThat(api().delete("/api/queries/987654321/favorite").status()).isEqualTo(404);
    }

    @Test
    void favouritesFollowSearchAndTags() {
        Api ann = newUser("ann");
        String tag = unique("fav");
        long tagged = create(body("data_source_id", dataSource(), "name", unique("tagged"), "query", "SELECT 1",
                "tags", List.of(tag))).path("id").asLong();
        long plain = queryOf(api());
        ann.post("/api/queries/" + tagged + "/favorite", Map.of());
        ann.post("/api/queries/" + plain + "/favorite", Map.of());

        assertThat(ids(page(ann, "/api/queries/favorites?tags=" + tag))).containsExactly(tagged);
        assertThat(ids(page(ann, "/api/queries/favorites?page_size=1&page=2")).size()).isEqualTo(1);
    }

    @Test
    void recentListsWhatTheCallerOpenedSavedOrRanNewestFirst() throws Exception {
        Api ann = newUser("ann");
        String url = "jdbc:h2:mem:" + unique("nav") + ";DB_CLOSE_DELAY=-1";
        long source = new DataSourceFixtures(api()).h2(url, Map.of());
        grantDefaultGroup(source);
        long opened = create(body("data_source_id", source, "name", unique("opened"), "query", "SELECT 1 AS x"))
                .path("id").asLong();
        long ran = create(body("data_source_id", source, "name", unique("ran"), "query", "SELECT 2 AS x"))
                .path("id").asLong();
        long ranAdHoc = create(body("data_source_id", source, "name", unique("adhoc"), "query", "SELECT 3 AS x"))
                .path("id").asLong();
        long untouched = queryOf(api());
        assertThat(ids(page(ann, "/api/queries/recent"))).isEmpty();

        assertThat(ann.get("/api/queries/" + opened).status()).isEqualTo(200);
        Thread.sleep(5); // uses are ordered by time: keep them apart
        new Runs(ann).resultOf(ann.post("/api/queries/" + ran + "/results", Map.of("max_age", 0)));
        Thread.sleep(5);
        new Runs(ann).submit(Map.of("data_source_id", source, "query", "SELECT 3 AS x", "max_age", 0,
                "query_id", ranAdHoc));
        Thread.sleep(5);
        long saved = queryOf(ann);

        JsonNode recent = page(ann, "/api/queries/recent");
        assertThat(recent.isArray()).as("recent queries are a plain array, as in Redash").isTrue();
        assertThat(ids(recent)).containsExactly(saved, ranAdHoc, ran, opened).doesNotContain(untouched);
        assertThat(ids(page(api(), "/api/queries/recent?page_size=250"))).doesNotContain(saved);

        Thread.sleep(5);
        ann.get("/api/queries/" + opened);
        assertThat(ids(page(ann, "/api/queries/recent?page_size=2"))).containsExactly(opened, saved);
    }

    @Test
    void archivedQueriesLeaveFavouritesAndRecent() {
        long id = queryOf(api());
        api().post("/api/queries/" + id + "/favorite", Map.of());
        assertThat(ids(page(api(), "/api/queries/recent?page_size=250"))).contains(id);

        assertThat(api().delete("/api/queries/" + id).status()).isEqualTo(200);

        assertThat(ids(page(api(), "/api/queries/favorites?page_size=250"))).doesNotContain(id);
        assertThat(ids(page(api(), "/api/queries/recent?page_size=250"))).doesNotContain(id);
    }

    @Test
    void navigatorListsRejectBadPagesLikeTheMainList() {
        for (String path : List.of("/api/queries/my", "/api/queries/favorites", "/api/queries/recent",
                "/api/queries/archive")) {
            var tooBig = api().get(path + "?page_size=251");
            assertThat(tooBig.status()).isEqualTo(400);
            assertThat(tooBig.message()).isEqualTo("'page_size' must be between 1 and 250, not 251");
            var notANumber = api().get(path + "?page=one");
            assertThat(notANumber.status()).isEqualTo(400);
            assertThat(notANumber.message()).isEqualTo("Invalid value 'one' for 'page'");
        }
    }
}
