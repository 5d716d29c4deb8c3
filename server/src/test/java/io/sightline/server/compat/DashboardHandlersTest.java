package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_dashboards.py (TestDashboardListResource, TestDashboardListGetResource,
 * TestDashboardResourceGet, TestDashboardResourceDelete, TestDashboardShareResourceDelete) and the drafts of
 * tests/models/test_dashboards.py (TestDashboardsByUser; {@code Dashboard.all}) over HTTP. Each test's dashboards carry a tag of
 * their own, so lists shared with other tests can be narrowed to them. Sharing's {@code public_url}/{@code api_key}
 * on the dashboard is ShareApiTest's.
 */
class DashboardHandlersTest extends EmbeddedServerTest {

    private final String tag = "handlers-" + UUID.randomUUID().toString().substring(0, 8);

    // TestDashboardListResource

    @Test
    void createNewDashboard() {
        var created = api().post("/api/dashboards", Map.of("name", "Test Dashboard"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode dashboard = created.json();
        assertThat(dashboard.path("name").asString()).isEqualTo("Test Dashboard");
        assertThat(dashboard.path("user_id").asLong()).isEqualTo(api().get("/api/session").json().path("user")
                .path("id").asLong());
        assertThat(dashboard.path("layout").isArray() && dashboard.path("layout").isEmpty()).isTrue();
        assertThat(dashboard.path("is_draft").asBoolean()).as("a new dashboard is a draft until published").isTrue();

        var published = api().post("/api/dashboards/" + dashboard.path("id").asLong(), Map.of("is_draft", false));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("is_draft").asBoolean()).isFalse();
    }

    // TestDashboardsByUser (tests/models/test_dashboards.py)

    @Test
    void returnsDraftsByTheUser() {
        Member other = new AccessFixtures(api()).user("Drafter");
        long mine = draft(api(), "my draft");
        long theirs = draft(other.api(), "their draft");

        assertThat(ids("/api/dashboards/my?tags=" + tag)).containsExactly(mine);
        assertThat(ids(other.api(), "/api/dashboards/my?tags=" + tag)).containsExactly(theirs);
    }

    // Dashboard.all: a draft is listed to its owner only, in the list, its search and the favourites

    @Test
    void listsHideDraftsOfOtherUsersEvenFromAnAdmin() {
        Member other = new AccessFixtures(api()).user("Drafter");
        long theirs = draft(other.api(), "Sales draft");
        long published = dashboard("Sales published", List.of(tag));
        api().post("/api/dashboards/" + theirs + "/favorite", Map.of());

        assertThat(ids("/api/dashboards?tags=" + tag)).containsExactly(published);
        assertThat(ids("/api/dashboards?q=sales&tags=" + tag)).containsExactly(published);
        assertThat(ids("/api/dashboards/favorites?tags=" + tag)).isEmpty();
        assertThat(tagCount(api())).as("the tags of others' drafts are not counted").isEqualTo(1);
        assertThat(ids(other.api(), "/api/dashboards?q=sales&tags=" + tag)).as("the owner lists their draft")
                .containsExactlyInAnyOrder(theirs, published);
        assertThat(tagCount(other.api())).isEqualTo(2);
        assertThat(api().get("/api/dashboards/" + theirs).status()).as("fetched by id, as in Redash").isEqualTo(200);

        assertThat(other.api().post("/api/dashboards/" + theirs, Map.of("is_draft", false)).status()).isEqualTo(200);

        assertThat(ids("/api/dashboards?q=sales&tags=" + tag)).containsExactlyInAnyOrder(theirs, published);
        assertThat(ids("/api/dashboards/favorites?tags=" + tag)).containsExactly(theirs);
    }

    @Test
    void forkIsADraftOfTheCaller() {
        long original = dashboard("original", List.of(tag));

        var fork = api().post("/api/dashboards/" + original + "/fork", Map.of());

        assertThat(fork.status()).as(fork.toString()).isEqualTo(200);
        assertThat(fork.json().path("is_draft").asBoolean()).isTrue();
    }

    // TestDashboardListGetResource

    @Test
    void returnsDashboardsWithIsFavorite() {
        long starred = dashboard("starred", List.of(tag));
        long plain = dashboard("plain", List.of(tag));
        api().post("/api/dashboards/" + starred + "/favorite", Map.of());

        JsonNode results = page("/api/dashboards?tags=" + tag).path("results");

        assertThat(results.valueStream().map(d -> d.path("id").asLong())).containsExactlyInAnyOrder(starred, plain);
        assertThat(results.valueStream().filter(d -> d.path("is_favorite").asBoolean())
                .map(d -> d.path("id").asLong())).containsExactly(starred);
        assertThat(api().get("/api/dashboards/" + starred).json().path("is_favorite").asBoolean()).isTrue();
        assertThat(api().get("/api/dashboards/" + plain).json().path("is_favorite").asBoolean()).isFalse();
    }

    @Test
    void filtersWithTags() {
        String test = tag + "-test";
        long tagged = dashboard("tagged", List.of(tag, test));
        dashboard("other", List.of(tag));
        dashboard("untagged", List.of());

        assertThat(ids("/api/dashboards?tags=" + test)).containsExactly(tagged);
        assertThat(ids("/api/dashboards?tags=" + tag + "&tags=" + test)).containsExactly(tagged);
        assertThat(ids("/api/dashboards?tags=" + tag)).hasSize(2);
    }

    @Test
    void searchTerm() {
        long sales = dashboard("Sales", List.of(tag));
        long q1Sales = dashboard("Q1 sales", List.of(tag));
        dashboard("Ops", List.of(tag));

        assertThat(ids("/api/dashboards?q=sales&tags=" + tag)).containsExactlyInAnyOrder(sales, q1Sales);
    }

    @Test
    void aPagePastTheEndIsRedashsPageOutOfRange() {
        dashboard("only", List.of(tag));

        var past = api().get("/api/dashboards?tags=" + tag + "&page=2");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.message()).startsWith("Page is out of range.");
    }

    // TestDashboardResourceGet

    @Test
    void getDashboardWithSlug() {
        long id = dashboard("Legacy " + tag, List.of(tag));
        String slug = api().get("/api/dashboards/" + id).json().path("slug").asString();

        var bySlug = api().get("/api/dashboards/" + slug + "?legacy");

        assertThat(bySlug.status()).as(bySlug.toString()).isEqualTo(200);
        assertThat(bySlug.json().path("id").asLong()).isEqualTo(id);
        assertThat(bySlug.json().path("widgets").isArray()).isTrue();
        assertThat(api().get("/api/dashboards/" + id + "?legacy").status()).as("with ?legacy the key is a slug")
                .isEqualTo(404);
    }

    @Test
    void getNonExistingDashboard() {
        assertThat(api().get("/api/dashboards/" + tag + "-missing?legacy").status()).isEqualTo(404);
        assertThat(api().get("/api/dashboards/987654321").status()).isEqualTo(404);
    }

    // TestDashboardResourceDelete

    @Test
    void deleteDashboard() {
        long id = dashboard("doomed", List.of(tag));

        var deleted = api().delete("/api/dashboards/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("is_archived").asBoolean()).isTrue();
        assertThat(api().get("/api/dashboards/" + id).json().path("is_archived").asBoolean()).isTrue();
        assertThat(ids("/api/dashboards?tags=" + tag)).doesNotContain(id);
    }

    // TestDashboardShareResourceDelete

    @Test
    void unsharingAnswers200AlsoWhenNothingWasShared() {
        long id = dashboard("shared", List.of(tag));
        assertThat(api().post("/api/dashboards/" + id + "/share", Map.of()).status()).isEqualTo(200);
        assertThat(api().get("/api/dashboards/" + id).json().has("api_key")).isTrue();

        assertThat(api().delete("/api/dashboards/" + id + "/share").status()).isEqualTo(200);
        assertThat(api().get("/api/dashboards/" + id).json().has("api_key")).isFalse();
        assertThat(api().delete("/api/dashboards/" + id + "/share").status()).as("no link left").isEqualTo(200);
    }

    /** A published dashboard of the admin's. */
    private long dashboard(String name, List<String> tags) {
        var created = api().post("/api/dashboards", Map.of("name", name, "tags", tags, "is_draft", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    /** A draft, as Redash creates every dashboard, tagged with the test's tag. */
    private long draft(Api as, String name) {
        var created = as.post("/api/dashboards", Map.of("name", name, "tags", List.of(tag)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("is_draft").asBoolean()).isTrue();
        return created.json().path("id").asLong();
    }

    private int tagCount(Api as) {
        return as.get("/api/dashboards/tags").json().path("tags").valueStream()
                .filter(t -> t.path("name").asString().equals(tag)).mapToInt(t -> t.path("count").asInt()).sum();
    }

    private JsonNode page(String path) {
        return page(api(), path);
    }

    private JsonNode page(Api as, String path) {
        var answer = as.get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private List<Long> ids(String path) {
        return ids(api(), path);
    }

    private List<Long> ids(Api as, String path) {
        return page(as, path + "&page_size=250").path("results").valueStream().map(d -> d.path("id").asLong()).toList();
    }
}
