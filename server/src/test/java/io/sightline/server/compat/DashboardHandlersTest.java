package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_dashboards.py (TestDashboardListGetResource, TestDashboardResourceGet,
 * TestDashboardResourceDelete, TestDashboardShareResourceDelete) over HTTP. Each test's dashboards carry a tag of
 * their own, so lists shared with other tests can be narrowed to them. Sharing's {@code public_url}/{@code api_key}
 * on the dashboard is ShareApiTest's.
 */
class DashboardHandlersTest extends EmbeddedServerTest {

    private final String tag = "handlers-" + UUID.randomUUID().toString().substring(0, 8);

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

    private long dashboard(String name, List<String> tags) {
        var created = api().post("/api/dashboards", Map.of("name", name, "tags", tags));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private JsonNode page(String path) {
        var answer = api().get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private List<Long> ids(String path) {
        return page(path + "&page_size=250").path("results").valueStream().map(d -> d.path("id").asLong()).toList();
    }
}
