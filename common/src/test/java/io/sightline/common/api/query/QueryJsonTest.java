package io.sightline.common.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records must speak Redash's field names both ways: the server writes them, the desktop client reads them. */
class QueryJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final Query query = new Query(7, "Revenue", null, "SELECT 1", "2d5127b8139f1f5f1086c4053324733a",
            Map.of("interval", 3600), "a".repeat(40), false, true, OffsetDateTime.parse("2026-01-02T03:04:05Z"),
            OffsetDateTime.parse("2026-01-01T00:00:00+01:00"), 3,
            Map.of("parameters", List.of(Map.of("name", "x", "type", "text"))), 2, List.of("finance"), false, null,
            new QueryUser(1, "Admin", "admin@example.com"), new QueryUser(2, "Ann", "ann@example.com"), List.of(), 2,
            "relation \"sales\" does not exist", true, true, 2L, OffsetDateTime.parse("2026-01-02T03:00:00Z"), 1.5);

    @Test
    void queryUsesRedashFieldNames() {
        JsonNode tree = json.valueToTree(query);
        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("id", "name", "description", "query", "query_hash",
                "schedule", "api_key", "is_archived", "is_draft", "updated_at", "created_at", "data_source_id",
                "options", "version", "tags", "is_safe", "latest_query_data_id", "user", "last_modified_by",
                "visualizations", "schedule_failures", "schedule_last_error", "is_favorite", "can_edit",
                "last_modified_by_id", "retrieved_at", "runtime");
        assertThat(tree.path("is_draft").asBoolean()).isTrue();
        assertThat(tree.path("is_favorite").asBoolean()).isTrue();
        assertThat(tree.path("last_modified_by").path("email").asString()).isEqualTo("ann@example.com");
        assertThat(tree.path("last_modified_by_id").asLong()).isEqualTo(2);
        assertThat(tree.path("runtime").asDouble()).isEqualTo(1.5);
    }

    @Test
    void queryPageRoundTrips() {
        QueryPage page = new QueryPage(31, 2, 25, List.of(query));
        String text = json.writeValueAsString(page);

        assertThat(json.readTree(text).propertyNames()).containsExactlyInAnyOrder("count", "page", "page_size", "results");
        QueryPage back = json.readValue(text, QueryPage.class);
        assertThat(back.results().get(0).updatedAt().toInstant()).isEqualTo(query.updatedAt().toInstant());
        assertThat(back.results().get(0).options()).isEqualTo(query.options());
        assertThat(back.pageSize()).isEqualTo(25);
    }

    @Test
    void versionAndTagsUseRedashFieldNames() {
        var version = new QueryVersion(3, "n", "d", "SELECT 1", Map.of(), new QueryUser(1, "A", "a@b"),
                OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(json.valueToTree(version).propertyNames()).containsExactlyInAnyOrder("version", "name",
                "description", "query", "options", "user", "created_at");
        assertThat(json.readValue("{\"tags\":[{\"name\":\"x\",\"count\":2}]}", QueryTags.class))
                .isEqualTo(new QueryTags(List.of(new QueryTags.TagCount("x", 2))));
    }
}
