package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every list endpoint, walked through HTTP, answers in the shape Redash clients read: the lists Redash pages as
 * {@code {count, page, page_size, results}} with its paging rule, every other list as a plain JSON array.
 */
class ListShapesTest extends EmbeddedServerTest {

    /** Exactly the lists Redash pages (with Sightline's search, which Redash answers by the main list). */
    static final List<String> PAGED = List.of("/api/queries", "/api/queries/my", "/api/queries/favorites",
            "/api/queries/archive", "/api/queries/search?q=shape", "/api/dashboards", "/api/dashboards/my",
            "/api/dashboards/favorites", "/api/users");

    private long query;
    private long group;
    private long dataSource;

    @BeforeEach
    void someOfEverything() {
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:" + unique("shapes") + ";DB_CLOSE_DELAY=-1",
                Map.of());
        query = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", unique("shape"),
                "query", "SELECT 'a' AS \"name\", 1 AS \"value\"")).json().path("id").asLong();
        long archived = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", unique("shape old"),
                "query", "SELECT 2")).json().path("id").asLong();
        assertThat(api().delete("/api/queries/" + archived).status()).isEqualTo(200);
        new Runs(api()).resultOf(api().post("/api/queries/" + query + "/results", Map.of("max_age", 0)));
        api().post("/api/queries/" + query + "/favorite", Map.of());
        long dashboard = api().post("/api/dashboards", Map.of("name", unique("shape board"))).json().path("id")
                .asLong();
        api().post("/api/dashboards/" + dashboard + "/favorite", Map.of());
        group = api().post("/api/groups", Map.of("name", unique("shape group"))).json().path("id").asLong();
    }

    @Test
    void redashsPagedListsArePages() {
        for (String path : PAGED) {
            JsonNode page = ok(path);
            assertThat(page.isObject()).as(path).isTrue();
            assertThat(page.propertyNames()).as(path).containsExactlyInAnyOrder("count", "page", "page_size", "results");
            assertThat(page.path("page").asInt()).as(path).isEqualTo(1);
            assertThat(page.path("page_size").asInt()).as(path).isEqualTo(25);
            assertThat(page.path("results").isArray()).as(path).isTrue();
            assertThat(page.path("count").asLong()).as(path).isPositive();
            assertThat(page.path("results").size()).as(path).isEqualTo((int) Math.min(25, page.path("count").asLong()));
        }
    }

    @Test
    void pagedListsHonourPageSizeAndRefusePagesOutOfRange() {
        for (String path : PAGED) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode one = ok(path + sep + "page_size=1");
            assertThat(one.path("page_size").asInt()).as(path).isEqualTo(1);
            assertThat(one.path("results").size()).as(path).isEqualTo(1);
            long count = one.path("count").asLong();
            JsonNode last = ok(path + sep + "page_size=1&page=" + count);
            assertThat(last.path("results").size()).as(path).isEqualTo(1);

            for (String page : List.of("0", "-1", Long.toString(count + 1))) {
                var refused = api().get(path + sep + "page_size=1&page=" + page);
                assertThat(refused.status()).as(path + " page " + page).isEqualTo(400);
                assertThat(refused.message()).as(path).startsWith("Page is out of range.").contains("'page'");
            }
            var tooBig = api().get(path + sep + "page_size=251");
            assertThat(tooBig.status()).as(path).isEqualTo(400);
            assertThat(tooBig.message()).as(path).contains("'page_size'");
        }
    }

    /** As redash-toolbelt's {@code paginate}: next page while {@code page * page_size < count}. */
    @Test
    void aRedashClientPagingThroughAListGetsEveryItemOnce() {
        for (String path : List.of("/api/queries", "/api/queries/archive", "/api/dashboards", "/api/users")) {
            List<Long> ids = new ArrayList<>();
            long count;
            int page = 1;
            while (true) {
                JsonNode answer = ok(path + "?page_size=2&page=" + page);
                answer.path("results").values().forEach(item -> ids.add(item.path("id").asLong()));
                count = answer.path("count").asLong();
                if ((long) answer.path("page").asInt() * answer.path("page_size").asInt() >= count) {
                    break;
                }
                page++;
            }
            assertThat(ids).as(path).hasSize((int) count).doesNotHaveDuplicates();
        }
    }

    @Test
    void theFirstPageOfAnEmptyListIsAnEmptyPage() {
        String nothing = unique("nothing-matches");
        for (String path : List.of("/api/queries?q=", "/api/queries/archive?q=", "/api/queries/my?q=",
                "/api/dashboards?q=", "/api/users?q=")) {
            JsonNode page = ok(path + nothing);
            assertThat(page.path("count").asLong()).as(path).isZero();
            assertThat(page.path("results").size()).as(path).isZero();
            assertThat(api().get(path + nothing + "&page=2").status()).as(path).isEqualTo(200);
            assertThat(api().get(path + nothing + "&page=0").status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void everyOtherListIsAPlainArray() {
        for (String path : List.of("/api/data_sources", "/api/data_sources/types", "/api/groups",
                "/api/groups/" + group + "/members", "/api/groups/" + group + "/data_sources", "/api/queries/recent",
                "/api/queries/" + query + "/dropdown", "/api/queries/" + query + "/dropdowns/" + query,
                "/api/queries/" + query + "/versions")) {
            JsonNode list = ok(path);
            assertThat(list.isArray()).as(path + " answers " + list).isTrue();
        }
        assertThat(ok("/api/queries/recent").get(0).path("id").asLong()).isEqualTo(query);
        assertThat(ok("/api/queries/" + query + "/dropdown").get(0).path("name").asString()).isEqualTo("a");
    }

    @Test
    void tagsAreAnObjectOfTags() {
        JsonNode tags = ok("/api/queries/tags");
        assertThat(tags.propertyNames()).containsExactly("tags");
        assertThat(tags.path("tags").isArray()).isTrue();
    }

    @Test
    void theArchiveListsOnlyArchivedQueries() {
        JsonNode archive = ok("/api/queries/archive?page_size=250&q=shape");
        assertThat(archive.path("results").values()).isNotEmpty()
                .allMatch(q -> q.path("is_archived").asBoolean());
        assertThat(ok("/api/queries?page_size=250&q=shape").path("results").values())
                .noneMatch(q -> q.path("is_archived").asBoolean());
    }

    @Test
    void myDashboardsAreTheCallersOwn() {
        JsonNode admins = ok("/api/dashboards/my?page_size=250");
        long me = ok("/api/session").path("user").path("id").asLong();
        assertThat(admins.path("results").values()).isNotEmpty().allMatch(d -> d.path("user_id").asLong() == me);
    }

    private JsonNode ok(String path) {
        Api.Response response = api().get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        return response.json();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
