package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's tests/handlers/test_paginate.py ({@code TestPaginate}), which calls its {@code paginate} helper
 * directly, followed through a paged list over HTTP ({@code /api/queries}). The other page checks are in
 * {@code QueryListTest}.
 */
class PaginateTest extends EmbeddedServerTest {

    private final String tag = "paginate-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void returnsPaginatedResults() {
        long dataSource = new AccessFixtures(api()).privateDataSource();
        for (int i = 0; i < 3; i++) {
            var created = api().post("/api/queries", Map.of("name", "paged " + i, "query", "SELECT " + i,
                    "data_source_id", dataSource));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            var tagged = api().post("/api/queries/" + created.json().path("id").asLong(), Map.of("tags", List.of(tag)));
            assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        }

        var page = api().get("/api/queries?tags=" + tag + "&page=1&page_size=2");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.path("page").asInt()).isEqualTo(1);
        assertThat(json.path("page_size").asInt()).isEqualTo(2);
        assertThat(json.path("count").asInt()).isEqualTo(3);
        assertThat(json.path("results").size()).isEqualTo(2);
    }

    @Test
    void raisesErrorForBadPage() {
        var page = api().get("/api/queries?page=-1&page_size=25");

        assertThat(page.status()).as(page.toString()).isEqualTo(400);
        assertThat(page.message()).contains("Page is out of range").contains("'page'");
    }
}
