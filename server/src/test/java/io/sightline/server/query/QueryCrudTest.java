package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueryCrudTest extends QueryTestBase {

    @Test
    void createdQueryHasRedashFields() {
        long ds = dataSource();
        String name = unique("Revenue");
        Map<String, Object> options = Map.of("parameters", List.of(Map.of("name", "region", "type", "enum",
                "enumOptions", "EU\nUS", "value", "EU")));
        JsonNode created = create(body("data_source_id", ds, "name", name, "description", "Revenue per region",
                "query", "SELECT * FROM sales WHERE region = '{{ region }}'", "options", options,
                "tags", List.of("finance", "weekly"), "schedule", Map.of("interval", 3600)));

        long id = created.path("id").asLong();
        JsonNode query = api().get("/api/queries/" + id).json();
        assertThat(query).isEqualTo(created);
        assertThat(query.path("name").asString()).isEqualTo(name);
        assertThat(query.path("description").asString()).isEqualTo("Revenue per region");
        assertThat(query.path("query").asString()).isEqualTo("SELECT * FROM sales WHERE region = '{{ region }}'");
        assertThat(query.path("data_source_id").asLong()).isEqualTo(ds);
        assertThat(query.path("options").path("parameters").get(0).path("enumOptions").asString()).isEqualTo("EU\nUS");
        assertThat(query.path("tags").values()).extracting(JsonNode::asString).containsExactly("finance", "weekly");
        assertThat(query.path("schedule").path("interval").asInt()).isEqualTo(3600);
        assertThat(query.path("version").asLong()).isEqualTo(1);
        assertThat(query.path("is_archived").asBoolean()).isFalse();
        assertThat(query.path("is_draft").asBoolean()).as("a new query is a draft, as in Redash").isTrue();
        assertThat(query.path("api_key").asString()).matches("[0-9a-f]{40}");
        assertThat(query.path("latest_query_data_id").isNull()).isTrue();
        assertThat(query.path("visualizations").isArray()).isTrue();
        assertThat(query.path("user").path("email").asString()).isEqualTo("admin@sightline.local");
        assertThat(query.path("user").path("id").asLong()).isEqualTo(userId(api()));
        assertThat(query.path("last_modified_by").path("name").asString()).isEqualTo("Admin");
        assertThat(OffsetDateTime.parse(query.path("created_at").asString())).isNotNull();
        assertThat(query.path("updated_at").asString()).isEqualTo(query.path("created_at").asString());
    }

    @Test
    void defaultsForAMinimalBody() {
        JsonNode query = create(body("data_source_id", dataSource(), "query", "SELECT 1"));
        assertThat(query.path("name").asString()).isEqualTo("New Query");
        assertThat(query.path("description").isNull()).isTrue();
        assertThat(query.path("schedule").isNull()).isTrue();
        assertThat(query.path("options").isObject()).isTrue();
        assertThat(query.path("tags").isEmpty()).isTrue();
        assertThat(query.path("is_safe").asBoolean()).isTrue();
    }

    @Test
    void apiKeysDifferPerQuery() {
        assertThat(createQuery("SELECT 1").path("api_key").asString())
                .isNotEqualTo(createQuery("SELECT 1").path("api_key").asString());
    }

    @Test
    void queryHashIsRedashsHashOfTheText() {
        JsonNode query = createQuery("SELECT 1 /* note */");
        assertThat(query.path("query_hash").asString()).isEqualTo("2d5127b8139f1f5f1086c4053324733a");

        JsonNode updated = update(query.path("id").asLong(), body("query", "select 2"));
        assertThat(updated.path("query_hash").asString()).isEqualTo(QueryHash.of("select 2"))
                .isNotEqualTo("2d5127b8139f1f5f1086c4053324733a");
    }

    @Test
    void queryWithATextParameterIsNotSafe() {
        JsonNode safe = create(body("data_source_id", dataSource(), "query", "SELECT {{ n }}", "options",
                Map.of("parameters", List.of(Map.of("name", "n", "type", "number")))));
        JsonNode unsafe = create(body("data_source_id", dataSource(), "query", "SELECT '{{ who }}'", "options",
                Map.of("parameters", List.of(Map.of("name", "n", "type", "number"), Map.of("name", "who", "type", "text")))));

        assertThat(safe.path("is_safe").asBoolean()).isTrue();
        assertThat(unsafe.path("is_safe").asBoolean()).isFalse();
    }

    @Test
    void updateChangesOnlyTheFieldsSent() {
        JsonNode created = create(body("data_source_id", dataSource(), "name", unique("before"),
                "description", "kept", "query", "SELECT 1", "tags", List.of("kept-tag")));
        long id = created.path("id").asLong();

        JsonNode updated = update(id, body("name", "after"));

        assertThat(updated.path("name").asString()).isEqualTo("after");
        assertThat(updated.path("description").asString()).isEqualTo("kept");
        assertThat(updated.path("query").asString()).isEqualTo("SELECT 1");
        assertThat(updated.path("tags").values()).extracting(JsonNode::asString).containsExactly("kept-tag");
        assertThat(updated.path("api_key").asString()).isEqualTo(created.path("api_key").asString());
        assertThat(updated.path("version").asLong()).isEqualTo(2);
        assertThat(OffsetDateTime.parse(updated.path("updated_at").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(created.path("updated_at").asString()));
        assertThat(updated.path("created_at").asString()).isEqualTo(created.path("created_at").asString());
        assertThat(api().get("/api/queries/" + id).json()).isEqualTo(updated);
    }

    @Test
    void updateCanClearScheduleAndDescriptionAndReplaceTags() {
        JsonNode created = create(body("data_source_id", dataSource(), "query", "SELECT 1", "description", "d",
                "schedule", Map.of("interval", 60), "tags", List.of("a", "b")));

        JsonNode updated = update(created.path("id").asLong(), body("schedule", null, "description", null,
                "tags", List.of("c"), "is_draft", true));

        assertThat(updated.path("schedule").isNull()).isTrue();
        assertThat(updated.path("description").isNull()).isTrue();
        assertThat(updated.path("tags").values()).extracting(JsonNode::asString).containsExactly("c");
        assertThat(updated.path("is_draft").asBoolean()).isTrue();
    }

    @Test
    void updateMayMoveTheQueryToAnotherDataSource() {
        long other = dataSource();
        JsonNode updated = update(createQuery("SELECT 1").path("id").asLong(), body("data_source_id", other));
        assertThat(updated.path("data_source_id").asLong()).isEqualTo(other);
    }

    @Test
    void updateWithStaleVersionIsRejectedSayingWhoChangedItWhen() {
        long id = createQuery("SELECT 1").path("id").asLong();
        JsonNode second = update(id, body("query", "SELECT 2", "version", 1));

        var stale = api().post("/api/queries/" + id, body("query", "SELECT 3", "version", 1));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.message()).isEqualTo("Query " + id + " was changed by Admin at "
                + OffsetDateTime.parse(second.path("updated_at").asString()) + " (version 2); reload it or overwrite");
        assertThat(api().get("/api/queries/" + id).json().path("query").asString()).isEqualTo("SELECT 2");
    }

    @Test
    void updateWithoutVersionOverwrites() {
        long id = createQuery("SELECT 1").path("id").asLong();
        update(id, body("query", "SELECT 2", "version", 1));

        JsonNode overwritten = update(id, body("query", "SELECT 3"));

        assertThat(overwritten.path("query").asString()).isEqualTo("SELECT 3");
        assertThat(overwritten.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void historyHasEveryVersionNewestFirst() {
        JsonNode created = createQuery("SELECT 1");
        long id = created.path("id").asLong();
        update(id, body("query", "SELECT 2", "version", 1));
        update(id, body("name", "renamed", "description", "third", "version", 2));

        JsonNode versions = api().get("/api/queries/" + id + "/versions").json();

        assertThat(versions.values()).extracting(v -> v.path("version").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(versions.values()).extracting(v -> v.path("query").asString())
                .containsExactly("SELECT 2", "SELECT 2", "SELECT 1");
        assertThat(versions.get(0).path("name").asString()).isEqualTo("renamed");
        assertThat(versions.get(2).path("name").asString()).isEqualTo(created.path("name").asString());
        assertThat(versions.get(0).path("user").path("name").asString()).isEqualTo("Admin");
        assertThat(OffsetDateTime.parse(versions.get(0).path("created_at").asString())).isNotNull();

        JsonNode first = api().get("/api/queries/" + id + "/versions/1").json();
        assertThat(first.path("query").asString()).isEqualTo("SELECT 1");
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(newUser("Viewer").get("/api/queries/" + id + "/versions/3").json().path("description").asString())
                .isEqualTo("third");
    }

    @Test
    void unknownVersionIs404() {
        long id = createQuery("SELECT 1").path("id").asLong();
        var response = api().get("/api/queries/" + id + "/versions/7");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Query " + id + " has no version 7");
    }

    @Test
    void deleteArchivesAndTheQueryCanStillBeRead() {
        JsonNode created = create(body("data_source_id", dataSource(), "query", "SELECT 1",
                "schedule", Map.of("interval", 60)));
        long id = created.path("id").asLong();

        var deleted = api().delete("/api/queries/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        JsonNode archived = api().get("/api/queries/" + id).json();
        assertThat(archived.path("is_archived").asBoolean()).isTrue();
        assertThat(archived.path("schedule").isNull()).as("archived queries stop running on schedule").isTrue();
        assertThat(archived.path("query").asString()).isEqualTo("SELECT 1");
        assertThat(api().delete("/api/queries/" + id).status()).as("archiving twice is harmless").isEqualTo(200);
    }

    @Test
    void forkIsACopyOwnedByTheCaller() {
        JsonNode original = create(body("data_source_id", dataSource(), "name", unique("Funnel"), "query", "SELECT 1",
                "description", "d", "tags", List.of("growth"), "schedule", Map.of("interval", 60),
                "options", Map.of("parameters", List.of(Map.of("name", "x", "type", "text")))));
        long id = original.path("id").asLong();
        update(id, body("query", "SELECT 2"));
        Api analyst = newUser("Analyst");

        var response = analyst.post("/api/queries/" + id + "/fork", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode fork = response.json();
        assertThat(fork.path("id").asLong()).isNotEqualTo(id);
        assertThat(fork.path("name").asString()).isEqualTo("Copy of " + original.path("name").asString());
        assertThat(fork.path("query").asString()).isEqualTo("SELECT 2");
        assertThat(fork.path("description").asString()).isEqualTo("d");
        assertThat(fork.path("options")).isEqualTo(original.path("options"));
        assertThat(fork.path("tags").values()).extracting(JsonNode::asString).containsExactly("growth");
        assertThat(fork.path("data_source_id").asLong()).isEqualTo(original.path("data_source_id").asLong());
        assertThat(fork.path("version").asLong()).isEqualTo(1);
        assertThat(fork.path("schedule").isNull()).isTrue();
        assertThat(fork.path("api_key").asString()).matches("[0-9a-f]{40}")
                .isNotEqualTo(original.path("api_key").asString());
        assertThat(fork.path("user").path("id").asLong()).isEqualTo(userId(analyst));
        assertThat(api().get("/api/queries/" + fork.path("id").asLong() + "/versions").json().size()).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerOrAnAdminMayChangeAQuery() {
        long id = createQuery("SELECT 1").path("id").asLong();
        Api other = newUser("Other");

        var update = other.post("/api/queries/" + id, body("query", "DROP TABLE x"));
        var archive = other.delete("/api/queries/" + id);

        assertThat(update.status()).as(update.toString()).isEqualTo(403);
        assertThat(update.message()).isEqualTo("Only the owner of query " + id
                + ", an admin or a user they granted 'modify' may change it");
        assertThat(archive.status()).isEqualTo(403);
        assertThat(other.get("/api/queries/" + id).json().path("query").asString()).isEqualTo("SELECT 1");
    }

    @Test
    void ownerWhoIsNoAdminMayChangeTheirQuery() {
        Api owner = newUser("Owner");
        long id = create(owner, body("data_source_id", dataSource(), "query", "SELECT 1")).path("id").asLong();

        var response = owner.post("/api/queries/" + id, body("query", "SELECT 2", "version", 1));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("last_modified_by").path("id").asLong()).isEqualTo(userId(owner));
    }

    @Test
    void unknownQueryIs404Everywhere() {
        String path = "/api/queries/987654321";
        List<Api.Response> responses = List.of(api().get(path), api().post(path, body("name", "x")), api().delete(path),
                api().post(path + "/fork", Map.of()), api().get(path + "/versions"), api().get(path + "/versions/1"));
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.message()).isEqualTo("Query 987654321 does not exist");
        });
    }

    @Test
    void withoutKeyTheApiSays401() {
        assertThat(anonymous().get("/api/queries").status()).isEqualTo(401);
    }
}
