package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
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
 * Redash's tests/handlers/test_queries.py (TestQueryListResourcePost, TestQueryResourcePost,
 * TestQueryListResourceGet, TestQueryResourceGet) and the search of tests/models/test_queries.py, over HTTP:
 * drafts, the list fields, dropdown queries a user may name, setting the latest result, search and archiving.
 * Each test's queries carry a tag of their own, so lists shared with other tests can be narrowed to them.
 */
class QueryHandlersTest extends EmbeddedServerTest {

    private final String tag = "handlers-" + UUID.randomUUID().toString().substring(0, 8);
    private AccessFixtures access;
    private long dataSource;
    private Member member;

    @BeforeEach
    void memberWithFullAccess() {
        access = new AccessFixtures(api());
        dataSource = access.privateDataSource();
        member = access.user("Writer");
        access.grant(member, dataSource, false);
    }

    // TestQueryListResourcePost

    @Test
    void createQuery() {
        var created = member.api().post("/api/queries", Map.of("name", "Testing", "query", "SELECT 1",
                "schedule", Map.of("interval", "3600"), "data_source_id", dataSource));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode query = created.json();
        assertThat(query.path("name").asString()).isEqualTo("Testing");
        assertThat(query.path("user").path("id").asLong()).isEqualTo(member.id());
        assertThat(query.path("api_key").isNull()).isFalse();
        assertThat(query.path("query_hash").isNull()).isFalse();
        assertThat(query.path("visualizations").size()).isEqualTo(1);
        assertThat(query.path("is_draft").asBoolean()).as("a new query is a draft until published").isTrue();

        var published = member.api().post("/api/queries/" + query.path("id").asLong(), Map.of("is_draft", false));
        assertThat(published.json().path("is_draft").asBoolean()).isFalse();
    }

    @Test
    void createAllowsAssociationWithAuthorizedDropdownQueries() {
        long other = query(member.api(), dataSource, "dropdown source");
        var created = member.api().post("/api/queries", Map.of("name", "Testing", "query", "SELECT '{{ foo }}'",
                "data_source_id", dataSource, "options", dropdowns(other, other)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    @Test
    void createPreventsAssociationWithUnauthorizedDropdownQueries() {
        long unreachable = query(api(), access.privateDataSource(), "out of reach");
        var created = member.api().post("/api/queries", Map.of("name", "Testing", "query", "SELECT 1",
                "data_source_id", dataSource, "options", dropdowns(unreachable)));
        assertThat(created.status()).as(created.toString()).isEqualTo(403);
        assertThat(created.message()).contains("'options.parameters[0].queryId'").contains("do not reach");
    }

    @Test
    void createPreventsAssociationWithNonExistingDropdownQueries() {
        var created = member.api().post("/api/queries", Map.of("name", "Testing", "query", "SELECT 1",
                "data_source_id", dataSource, "options", dropdowns(987654321L)));
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.message()).contains("'options.parameters[0].queryId'").contains("does not exist");
    }

    // TestQueryResourcePost

    @Test
    void updateAllowsAssociationWithAuthorizedDropdownQueries() {
        long other = query(member.api(), dataSource, "dropdown source");
        long mine = query(member.api(), dataSource, "mine");
        var updated = member.api().post("/api/queries/" + mine, Map.of("options", dropdowns(other, other)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    @Test
    void updatePreventsAssociationWithUnauthorizedDropdownQueries() {
        long unreachable = query(api(), access.privateDataSource(), "out of reach");
        long mine = query(member.api(), dataSource, "mine");
        var updated = member.api().post("/api/queries/" + mine, Map.of("options", dropdowns(unreachable)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(403);
        assertThat(member.api().get("/api/queries/" + mine).json().path("options").has("parameters"))
                .as("nothing saved").isFalse();
    }

    @Test
    void updatePreventsAssociationWithNonExistingDropdownQueries() {
        long mine = query(member.api(), dataSource, "mine");
        var updated = member.api().post("/api/queries/" + mine, Map.of("options", dropdowns(100000000L)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(400);
        assertThat(updated.message()).contains("'options.parameters[0].queryId'");
    }

    /** Redash's editor saves the result it just ran as the query's latest ({@code latest_query_data_id}). */
    @Test
    void updateSetsTheLatestQueryDataId() {
        long mine = query(member.api(), dataSource, "mine");
        long result = new Runs(member.api()).result(dataSource, "SELECT 42 AS answer").path("id").asLong();

        var updated = member.api().post("/api/queries/" + mine, Map.of("latest_query_data_id", result));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("latest_query_data_id").asLong()).isEqualTo(result);
        JsonNode listed = listed(member.api(), mine);
        assertThat(listed.path("latest_query_data_id").asLong()).isEqualTo(result);
        assertThat(listed.path("retrieved_at").isString()).as(listed.toString()).isTrue();

        var unknown = member.api().post("/api/queries/" + mine, Map.of("latest_query_data_id", 987654321L));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("'latest_query_data_id'").contains("does not exist");

        long elsewhere = new Runs(api()).result(access.privateDataSource(), "SELECT 1").path("id").asLong();
        var foreign = member.api().post("/api/queries/" + mine, Map.of("latest_query_data_id", elsewhere));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.message()).contains("not a result of the query's data source");
        assertThat(member.api().get("/api/queries/" + mine).json().path("latest_query_data_id").asLong())
                .isEqualTo(result);
    }

    // TestQueryListResourceGet

    /** Redash's list entries carry {@code last_modified_by_id}, {@code retrieved_at}, {@code runtime}, {@code is_favorite}. */
    @Test
    void returnsQueriesWithTheListFields() {
        long ran = query(member.api(), dataSource, "ran");
        long never = query(member.api(), dataSource, "never ran");
        new Runs(member.api()).resultOf(member.api().post("/api/queries/" + ran + "/results", Map.of("max_age", 0)));
        member.api().post("/api/queries/" + ran + "/favorite", Map.of());

        JsonNode ranEntry = listed(member.api(), ran);
        assertThat(ranEntry.path("last_modified_by_id").asLong()).isEqualTo(member.id());
        assertThat(ranEntry.path("retrieved_at").isString()).as(ranEntry.toString()).isTrue();
        assertThat(ranEntry.path("runtime").isNumber()).as(ranEntry.toString()).isTrue();
        assertThat(ranEntry.path("is_favorite").asBoolean()).isTrue();

        JsonNode neverEntry = listed(member.api(), never);
        assertThat(neverEntry.has("retrieved_at")).isTrue();
        assertThat(neverEntry.path("retrieved_at").isNull()).isTrue();
        assertThat(neverEntry.path("runtime").isNull()).isTrue();
        assertThat(neverEntry.path("is_favorite").asBoolean()).isFalse();

        api().post("/api/queries/" + never, Map.of("name", "changed by the admin"));
        long admin = api().get("/api/session").json().path("user").path("id").asLong();
        assertThat(listed(member.api(), never).path("last_modified_by_id").asLong()).isEqualTo(admin);
    }

    /** Anything derived from the data source, such as when it last answered, stays with those who reach it. */
    @Test
    void aUserWhoDoesNotReachTheDataSourceSeesNoneOfItsQueries() {
        long ran = query(member.api(), dataSource, "ran");
        new Runs(member.api()).resultOf(member.api().post("/api/queries/" + ran + "/results", Map.of("max_age", 0)));
        Member outsider = access.user("Outsider");

        assertThat(outsider.api().get("/api/queries?tags=" + tag).json().path("count").asLong()).isZero();
        assertThat(outsider.api().get("/api/queries?q=" + ran).json().path("results").valueStream()
                .noneMatch(q -> q.path("id").asLong() == ran)).isTrue();
        assertThat(outsider.api().get("/api/queries/" + ran).status()).isEqualTo(404);
    }

    @Test
    void filtersWithTags() {
        long tagged = query(member.api(), dataSource, "tagged");
        String second = tag + "-test";
        member.api().post("/api/queries/" + tagged, Map.of("tags", List.of(tag, second)));
        query(member.api(), dataSource, "other");

        assertThat(ids("/api/queries?tags=" + second)).containsExactly(tagged);
        assertThat(ids("/api/queries?tags=" + tag + "&tags=" + second)).containsExactly(tagged);
        assertThat(ids("/api/queries?tags=" + tag)).hasSize(2);
    }

    @Test
    void searchTerm() {
        long sales = query(member.api(), dataSource, "Sales");
        long q1Sales = query(member.api(), dataSource, "Q1 sales");
        query(member.api(), dataSource, "Ops");

        assertThat(ids("/api/queries?q=sales&tags=" + tag)).containsExactlyInAnyOrder(sales, q1Sales);
    }

    /** Redash's search: words all match, {@code or} either, {@code -word} excludes, parentheses group, ids match. */
    @Test
    void querySearch() {
        long harder = query(member.api(), dataSource, "Harder");
        long better = query(member.api(), dataSource, "Better");
        long faster = query(member.api(), dataSource, "Faster");
        long stronger = query(member.api(), dataSource, "Stronger");
        member.api().post("/api/queries/" + stronger, Map.of("description", "the last one"));

        assertThat(search("better")).containsExactly(better);
        assertThat(search("better or faster")).containsExactlyInAnyOrder(better, faster);
        assertThat(search("BETTER OR Faster")).containsExactlyInAnyOrder(better, faster);
        assertThat(search("er -better -faster")).containsExactlyInAnyOrder(harder, stronger);
        assertThat(search("(better or faster) -faster")).containsExactly(better);
        assertThat(search("last one")).as("words match anywhere, the description too").containsExactly(stronger);
        assertThat(search("\"one last\"")).as("a phrase as written").isEmpty();
        assertThat(search("better faster")).as("every word must match").isEmpty();
        assertThat(search(Long.toString(harder))).as("a query's id").containsExactly(harder);
        assertThat(search("better) or (faster")).as("stray parentheses are ignored")
                .containsExactlyInAnyOrder(better, faster);

        var followed = member.api().get("/api/queries/search?q=stronger&tags=" + tag);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.json().path("results").size()).isEqualTo(1);
    }

    // archiving (Redash's QueryResource.delete)

    @Test
    void deleteArchivesTheQueryAndAnswers200() {
        long mine = query(member.api(), dataSource, "mine");

        var deleted = member.api().delete("/api/queries/" + mine);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(member.api().get("/api/queries/" + mine).json().path("is_archived").asBoolean()).isTrue();
    }

    private long query(Api as, long source, String name) {
        var created = as.post("/api/queries", Map.of("data_source_id", source, "name", name, "query",
                "SELECT 'x' AS \"value\"", "tags", List.of(tag)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static Map<String, Object> dropdowns(long... queryIds) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < queryIds.length; i++) {
            parameters.add(Map.of("name", "p" + i, "title", "p" + i, "type", "query", "queryId", queryIds[i]));
        }
        return Map.of("parameters", parameters);
    }

    private JsonNode listed(Api as, long id) {
        JsonNode page = as.get("/api/queries?page_size=250&tags=" + tag).json();
        return page.path("results").valueStream().filter(q -> q.path("id").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError("query " + id + " not in " + page));
    }

    private List<Long> ids(String path) {
        var answer = member.api().get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("results").valueStream().map(q -> q.path("id").asLong()).toList();
    }

    private List<Long> search(String term) {
        return ids("/api/queries?tags=" + tag + "&q=" + java.net.URLEncoder.encode(term,
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
