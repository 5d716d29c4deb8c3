package io.sightline.server.dashboard;

import io.sightline.server.support.ApiKeyHash;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/** {@code /api/dashboards}: Redash's shape, lookup by id or slug, archive, favourites, per-caller flags. */
class DashboardApiTest extends EmbeddedServerTest {

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(Api as, Map<String, Object> body) {
        var response = as.post("/api/dashboards", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("results").values().stream().map(d -> d.path("id").asLong()).toList();
    }

    /** A user in the default group only (not an admin), calling with its own API key. */
    private Api newUser(String name) {
        String key = UUID.randomUUID().toString().replace("-", "") + "0123456789";
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO users (name, email, api_key_hash, auth_type, created_at, updated_at)
                VALUES (?, ?, ?, 'password', ?, ?)""")
                .params(name, UUID.randomUUID() + "@example.com", ApiKeyHash.of(key), now, now).update(keys, "id");
        jdbc.sql("INSERT INTO user_groups (user_id, group_id) SELECT ?, id FROM groups WHERE name = 'default'")
                .param(keys.getKey().longValue()).update();
        return api().withKey(key);
    }

    @Test
    void createdDashboardHasRedashShapeAndNoWidgetsYet() {
        String name = unique("Sales Übersicht");
        JsonNode created = create(api(), Map.of("name", name, "tags", List.of("sales", "weekly")));

        assertThat(created.propertyNames()).contains("id", "slug", "name", "user_id", "user", "layout",
                "dashboard_filters_enabled", "widgets", "options", "is_archived", "is_draft", "tags", "updated_at",
                "created_at", "version", "can_edit", "is_favorite");
        assertThat(created.path("name").asString()).isEqualTo(name);
        assertThat(created.path("slug").asString()).startsWith("sales-ubersicht-");
        assertThat(created.path("widgets").isArray()).isTrue();
        assertThat(created.path("widgets").isEmpty()).isTrue();
        assertThat(created.path("tags").values().stream().map(JsonNode::asString)).containsExactly("sales", "weekly");
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(created.path("can_edit").asBoolean()).isTrue();
        assertThat(created.path("is_archived").asBoolean()).isFalse();
        assertThat(created.path("user").path("id").asLong()).isEqualTo(created.path("user_id").asLong());

        long id = created.path("id").asLong();
        assertThat(api().get("/api/dashboards/" + id).json()).isEqualTo(created);
        assertThat(api().get("/api/dashboards/" + created.path("slug").asString()).json().path("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void sameNameGetsADistinctSlug() {
        String name = unique("Twice");
        String first = create(api(), Map.of("name", name)).path("slug").asString();
        String second = create(api(), Map.of("name", name)).path("slug").asString();

        assertThat(second).isEqualTo(first + "-2");
        assertThat(api().get("/api/dashboards/" + second).json().path("slug").asString()).isEqualTo(second);
    }

    @Test
    void listIsPagedNewestFirstAndSearchesNames() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long older = create(api(), Map.of("name", "list " + marker + " a")).path("id").asLong();
        long newer = create(api(), Map.of("name", "list " + marker + " b")).path("id").asLong();

        JsonNode page = api().get("/api/dashboards?q=" + marker).json();
        assertThat(ids(page)).containsExactly(newer, older);
        assertThat(page.path("count").asLong()).isEqualTo(2);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("page_size").asInt()).isEqualTo(25);
        assertThat(ids(api().get("/api/dashboards?q=" + marker + "&page=2&page_size=1").json()))
                .containsExactly(older);
    }

    @Test
    void archivedDashboardLeavesTheListButCanBeFetched() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long id = create(api(), Map.of("name", "gone " + marker)).path("id").asLong();

        assertThat(api().delete("/api/dashboards/" + id).status()).isEqualTo(200);

        assertThat(ids(api().get("/api/dashboards?q=" + marker).json())).isEmpty();
        assertThat(api().get("/api/dashboards/" + id).json().path("is_archived").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOwnerOrAnAdminMayArchive() {
        Api ann = newUser("ann");
        JsonNode admins = create(api(), Map.of("name", unique("admin's")));
        JsonNode anns = create(ann, Map.of("name", unique("ann's")));

        assertThat(ann.get("/api/dashboards/" + admins.path("id").asLong()).json().path("can_edit").asBoolean())
                .isFalse();
        var refused = ann.delete("/api/dashboards/" + admins.path("id").asLong());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("Only the owner");
        assertThat(ann.delete("/api/dashboards/" + anns.path("slug").asString()).status()).isEqualTo(200);
        assertThat(api().delete("/api/dashboards/" + admins.path("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void favouritesArePerUser() {
        Api ann = newUser("ann");
        long id = create(api(), Map.of("name", unique("starred"), "is_draft", false)).path("id").asLong();

        var star = ann.post("/api/dashboards/" + id + "/favorite", Map.of());
        assertThat(star.status()).as(star.toString()).isEqualTo(200);
        assertThat(star.json().path("is_favorite").asBoolean()).isTrue();

        assertThat(ids(ann.get("/api/dashboards/favorites").json())).containsExactly(id);
        assertThat(ann.get("/api/dashboards/" + id).json().path("is_favorite").asBoolean()).isTrue();
        assertThat(api().get("/api/dashboards/" + id).json().path("is_favorite").asBoolean()).isFalse();

        assertThat(ann.delete("/api/dashboards/" + id + "/favorite").json().path("is_favorite").asBoolean()).isFalse();
        assertThat(ids(ann.get("/api/dashboards/favorites").json())).isEmpty();
    }

    @Test
    void unknownDashboardIs404() {
        for (String key : List.of("987654321", "no-such-slug")) {
            var response = api().get("/api/dashboards/" + key);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.message()).isEqualTo("Dashboard " + key + " does not exist");
        }
        assertThat(api().post("/api/dashboards/987654321/favorite", Map.of()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {}                                  | 'name' is required: the dashboard's name as a non-empty string
            {"name": " "}                       | 'name' is required: the dashboard's name as a non-empty string
            {"name": 7}                         | 'name' is required: the dashboard's name as a non-empty string
            {"name": "x", "tags": "a"}          | 'tags' must be an array of strings, such as ["sales"]
            {"name": "x", "layout": {}}         | 'layout' must be an array
            {"name": "x", "options": []}        | 'options' must be a JSON object
            {"name": "x", "is_draft": "yes"}    | 'is_draft' must be true or false
            """)
    void rejectsInvalidBodies(String body, String message) {
        var response = api().post("/api/dashboards", Api.JSON.readTree(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
    }

    @Test
    void rejectsLongNamesAndBadPages() {
        var longName = api().post("/api/dashboards", Map.of("name", "x".repeat(101)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.message()).isEqualTo("'name' must be at most 100 characters, not 101");
        var page = api().get("/api/dashboards?page_size=0");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.message()).isEqualTo("'page_size' must be between 1 and 250, not 0");
        assertThat(api().get("/api/dashboards?page=x").message()).isEqualTo("Invalid value 'x' for 'page'");
    }

    @Test
    void theDemoDashboardIsListed() {
        assertThat(api().get("/api/dashboards?q=Demo%20sales%20overview").json().path("results").get(0)
                .path("tags").get(0).asString()).isEqualTo("demo");
    }
}
