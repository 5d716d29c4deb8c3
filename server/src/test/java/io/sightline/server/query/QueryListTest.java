package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class QueryListTest extends QueryTestBase {

    private List<String> names(JsonNode page) {
        return page.path("results").values().stream().map(q -> q.path("name").asString()).toList();
    }

    private JsonNode tagged(String tag, String name, String sql) {
        return create(body("data_source_id", dataSource(), "name", name, "query", sql, "tags", List.of(tag)));
    }

    @Test
    void listIsPagedNewestChangeFirst() {
        String tag = unique("paged");
        tagged(tag, "first", "SELECT 1");
        tagged(tag, "second", "SELECT 2");
        long third = tagged(tag, "third", "SELECT 3").path("id").asLong();
        update(third, body("description", "touched"));
        JsonNode fourth = tagged(tag, "fourth", "SELECT 4");

        JsonNode page1 = api().get("/api/queries?tags=" + tag + "&page_size=3").json();
        JsonNode page2 = api().get("/api/queries?tags=" + tag + "&page_size=3&page=2").json();

        assertThat(page1.path("count").asLong()).isEqualTo(4);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("page_size").asInt()).isEqualTo(3);
        assertThat(names(page1)).containsExactly("fourth", "third", "second");
        assertThat(names(page2)).containsExactly("first");
        assertThat(page2.path("count").asLong()).isEqualTo(4);
        assertThat(page1.path("results").get(0)).isEqualTo(fourth);
        assertThat(api().get("/api/queries?tags=" + tag + "&page_size=3&page=9").json().path("results").isEmpty())
                .isTrue();
    }

    @Test
    void listOrdersByNameOrCreation() {
        String tag = unique("order");
        tagged(tag, "beta", "SELECT 1");
        tagged(tag, "Alpha", "SELECT 1");
        tagged(tag, "gamma", "SELECT 1");

        assertThat(names(api().get("/api/queries?order=name&tags=" + tag).json()))
                .containsExactly("Alpha", "beta", "gamma");
        assertThat(names(api().get("/api/queries?order=-created_at&tags=" + tag).json()))
                .containsExactly("gamma", "Alpha", "beta");
        var unknown = api().get("/api/queries?order=size");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).startsWith("Unknown order 'size'; use one of name, -name, created_at");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            page_size=0   | 'page_size' must be between 1 and 250, not 0
            page_size=251 | 'page_size' must be between 1 and 250, not 251
            page=0        | Page is out of range. 'page' must be 1 or more, not 0
            page_size=ten | Invalid value 'ten' for 'page_size'
            """)
    void rejectsPagesOutOfBounds(String parameter, String message) {
        for (String path : List.of("/api/queries?", "/api/queries/search?q=x&")) {
            var response = api().get(path + parameter);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.message()).isEqualTo(message);
        }
    }

    @Test
    void pageSizeOf250IsAllowed() {
        assertThat(api().get("/api/queries?page_size=250").status()).isEqualTo(200);
        assertThat(api().get("/api/queries?page_size=1").json().path("results").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void archivedQueriesAreNotListed() {
        String tag = unique("archive");
        long gone = tagged(tag, "gone", "SELECT 1").path("id").asLong();
        tagged(tag, "kept", "SELECT 1");

        api().delete("/api/queries/" + gone);

        assertThat(names(api().get("/api/queries?tags=" + tag).json())).containsExactly("kept");
        JsonNode tags = api().get("/api/queries/tags").json().path("tags");
        assertThat(tags.values()).filteredOn(t -> t.path("name").asString().equals(tag))
                .singleElement().satisfies(t -> assertThat(t.path("count").asLong()).isEqualTo(1));
    }

    @Test
    void searchFindsNameDescriptionAndTextIgnoringCase() {
        String word = unique("Zebra").toLowerCase();
        create(body("data_source_id", dataSource(), "name", "by name " + word.toUpperCase(), "query", "SELECT 1"));
        create(body("data_source_id", dataSource(), "name", "by description", "description", "about " + word,
                "query", "SELECT 1"));
        create(body("data_source_id", dataSource(), "name", "by text", "query", "SELECT " + word + " FROM t"));
        create(body("data_source_id", dataSource(), "name", "unrelated " + unique("x"), "query", "SELECT 1"));

        for (String path : List.of("/api/queries/search?q=", "/api/queries?order=name&q=")) {
            JsonNode page = api().get(path + word.toUpperCase()).json();
            assertThat(page.path("count").asLong()).as(path).isEqualTo(3);
            assertThat(names(page)).containsExactlyInAnyOrder("by name " + word.toUpperCase(), "by description",
                    "by text");
        }
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        String word = unique("pct");
        create(body("data_source_id", dataSource(), "name", word + " 100%", "query", "SELECT 1"));
        create(body("data_source_id", dataSource(), "name", word + " 1000", "query", "SELECT 1"));

        assertThat(names(api().get("/api/queries/search?q=" + word + "%20100%25").json()))
                .containsExactly(word + " 100%");
        assertThat(api().get("/api/queries/search?q=" + word + "_").json().path("count").asLong()).isZero();
    }

    @Test
    void searchWithoutTextFindsNothing() {
        createQuery("SELECT 1");
        JsonNode page = api().get("/api/queries/search?q=").json();
        assertThat(page.path("count").asLong()).isZero();
        assertThat(page.path("results").isEmpty()).isTrue();
        assertThat(page.path("page_size").asInt()).isEqualTo(25);
    }

    @Test
    void tagsFilterKeepsQueriesWithAllTheTags() {
        String a = unique("a");
        String b = unique("b");
        create(body("data_source_id", dataSource(), "name", "both", "query", "SELECT 1", "tags", List.of(a, b)));
        create(body("data_source_id", dataSource(), "name", "only a", "query", "SELECT 1", "tags", List.of(a)));

        assertThat(names(api().get("/api/queries?tags=" + a + "&tags=" + b).json())).containsExactly("both");
        assertThat(names(api().get("/api/queries?order=name&tags=" + a).json())).containsExactly("both", "only a");
    }

    @Test
    void tagCountsCountQueriesPerTag() {
        String common = unique("common");
        String rare = unique("rare");
        create(body("data_source_id", dataSource(), "query", "SELECT 1", "tags", List.of(common, rare)));
        create(body("data_source_id", dataSource(), "query", "SELECT 1", "tags", List.of(common)));

        JsonNode tags = api().get("/api/queries/tags").json().path("tags");

        assertThat(tags.values()).filteredOn(t -> t.path("name").asString().equals(common))
                .singleElement().satisfies(t -> assertThat(t.path("count").asLong()).isEqualTo(2));
        assertThat(tags.values()).filteredOn(t -> t.path("name").asString().equals(rare))
                .singleElement().satisfies(t -> assertThat(t.path("count").asLong()).isEqualTo(1));
    }

    @Test
    void onlyMineListsTheCallersQueries() {
        String tag = unique("mine");
        Api analyst = newUser("Analyst");
        create(analyst, body("data_source_id", dataSource(), "name", "analyst's", "query", "SELECT 1",
                "tags", List.of(tag)));
        tagged(tag, "admin's", "SELECT 1");

        assertThat(names(analyst.get("/api/queries?only_mine=true&tags=" + tag).json())).containsExactly("analyst's");
        assertThat(names(analyst.get("/api/queries?order=name&tags=" + tag).json()))
                .containsExactly("admin's", "analyst's");
    }
}
