package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/query_snippets}, following Redash's {@code TestQuerySnippetResource} and
 * {@code TestQuerySnippetListResource} (tests/handlers/test_query_snippets.py), and who may change a snippet.
 */
class QuerySnippetResourceTest extends EmbeddedServerTest {

    private final String marker = "snip" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void getSnippet() {
        JsonNode created = create(api().post("/api/query_snippets", body("get")));

        var got = api().get("/api/query_snippets/" + created.path("id").asLong());

        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("trigger").asString()).isEqualTo(marker + "get");
        assertThat(got.json().path("description").asString()).isEqualTo("the get snippet");
        assertThat(got.json().path("snippet").asString()).isEqualTo("SELECT ${1:column} FROM ${2:table}");
        assertThat(got.json().path("user").path("id").asLong()).isPositive();
        assertThat(got.json().path("user").has("api_key")).isFalse();
        assertThat(got.json().path("created_at").asString()).isNotEmpty();
        assertThat(got.json().path("updated_at").asString()).isNotEmpty();
        assertThat(api().get("/api/query_snippets/987654321").status()).isEqualTo(404);
    }

    @Test
    void updateSnippet() {
        long id = create(api().post("/api/query_snippets", body("upd"))).path("id").asLong();
        Map<String, Object> data = Map.of("snippet", "updated", "trigger", marker + "updated",
                "description", "updated description");

        var updated = api().post("/api/query_snippets/" + id, data);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        for (String field : data.keySet()) {
            assertThat(updated.json().path(field).asString()).isEqualTo(data.get(field));
            assertThat(api().get("/api/query_snippets/" + id).json().path(field).asString()).isEqualTo(data.get(field));
        }
        var partial = api().post("/api/query_snippets/" + id, Map.of("description", "only this"));
        assertThat(partial.json().path("snippet").asString()).as("a field left out keeps its value").isEqualTo("updated");
    }

    @Test
    void deleteSnippet() {
        long id = create(api().post("/api/query_snippets", body("del"))).path("id").asLong();

        var deleted = api().delete("/api/query_snippets/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api().get("/api/query_snippets/" + id).status()).isEqualTo(404);
        assertThat(api().delete("/api/query_snippets/" + id).status()).isEqualTo(404);
    }

    @Test
    void createSnippet() {
        var users = new AccessFixtures(api());
        var anyone = users.user("SnippetMaker");

        var created = anyone.api().post("/api/query_snippets", body("create"));

        assertThat(created.status()).as("anyone may create a snippet: " + created).isEqualTo(200);
        assertThat(created.json().path("user").path("id").asLong()).isEqualTo(anyone.id());
        assertThat(created.json().path("user").path("name").asString()).isEqualTo("SnippetMaker");
    }

    @Test
    void listAllSnippets() {
        long first = create(api().post("/api/query_snippets", body("list1"))).path("id").asLong();
        var other = new AccessFixtures(api()).user("SnippetLister");
        long second = create(other.api().post("/api/query_snippets", body("list2"))).path("id").asLong();

        var list = other.api().get("/api/query_snippets");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).as("a plain array, as Redash").isTrue();
        assertThat(list.json().valueStream().map(s -> s.path("id").asLong())).contains(first, second);
    }

    @Test
    void onlyTheOwnerOrAnAdminMayChangeOrDeleteASnippet() {
        var users = new AccessFixtures(api());
        var owner = users.user("SnippetOwner");
        var stranger = users.user("SnippetStranger");
        long id = create(owner.api().post("/api/query_snippets", body("own"))).path("id").asLong();

        var refused = stranger.api().post("/api/query_snippets/" + id, Map.of("snippet", "mine now"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(stranger.api().delete("/api/query_snippets/" + id).status()).isEqualTo(403);
        assertThat(stranger.api().get("/api/query_snippets/" + id).status()).as("everyone may read it").isEqualTo(200);
        assertThat(api().get("/api/query_snippets/" + id).json().path("snippet").asString())
                .isEqualTo("SELECT ${1:column} FROM ${2:table}");

        assertThat(owner.api().post("/api/query_snippets/" + id, Map.of("snippet", "by the owner")).status())
                .isEqualTo(200);
        assertThat(api().post("/api/query_snippets/" + id, Map.of("snippet", "by an admin")).status()).isEqualTo(200);
        assertThat(api().delete("/api/query_snippets/" + id).status()).as("an admin may delete it").isEqualTo(200);
        assertThat(anonymous().get("/api/query_snippets").status()).isEqualTo(401);
    }

    @Test
    void badSnippetsAreRefusedNamingTheField() {
        var missing = api().post("/api/query_snippets", Map.of("description", "no trigger", "snippet", "SELECT 1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("'trigger'");
        var empty = api().post("/api/query_snippets", Map.of("trigger", marker + "e", "snippet", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).contains("'snippet'");
        var spaced = api().post("/api/query_snippets", Map.of("trigger", "two words", "snippet", "SELECT 1"));
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.message()).contains("'trigger'");

        create(api().post("/api/query_snippets", body("dup")));
        var duplicate = api().post("/api/query_snippets", body("dup"));
        assertThat(duplicate.status()).as("Redash's trigger is unique; it answers 500, Sightline 409").isEqualTo(409);
        assertThat(duplicate.message()).contains("'trigger'");
    }

    private Map<String, Object> body(String name) {
        return Map.of("trigger", marker + name, "description", "the " + name + " snippet",
                "snippet", "SELECT ${1:column} FROM ${2:table}");
    }

    private static JsonNode create(io.sightline.server.support.Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
