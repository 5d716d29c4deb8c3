package io.sightline.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The V7 tables on PostgreSQL: query favourites and recent uses, dashboards and their favourites. */
class NavigatorOnPostgresTest extends PostgresMetadataServerTest {

    @Test
    void favouritesRecentAndDashboardsWorkOnPostgres() {
        long source = new DataSourceFixtures(api()).postgres(Map.of());
        long query = api().post("/api/queries", Map.of("data_source_id", source, "name", "pg nav", "query", "SELECT 1"))
                .json().path("id").asLong();
        api().get("/api/queries/" + query);
        api().get("/api/queries/" + query); // the second use updates the first's row
        api().post("/api/queries/" + query + "/favorite", Map.of());
        api().post("/api/queries/" + query + "/favorite", Map.of());

        assertThat(api().get("/api/queries/recent").json().get(0).path("id").asLong()).isEqualTo(query);
        assertThat(api().get("/api/queries/favorites").json().path("count").asLong()).isEqualTo(1);
        assertThat(api().get("/api/queries/my").json().path("results").get(0).path("is_favorite").asBoolean()).isTrue();

        JsonNode dashboard = api().post("/api/dashboards", Map.of("name", "PG board", "tags", java.util.List.of("x")))
                .json();
        api().post("/api/dashboards/" + dashboard.path("id").asLong() + "/favorite", Map.of());
        JsonNode favorites = api().get("/api/dashboards/favorites").json();
        assertThat(favorites.path("results").get(0).path("slug").asString()).isEqualTo("pg-board");
        assertThat(favorites.path("results").get(0).path("is_favorite").asBoolean()).isTrue();
        assertThat(api().get("/api/dashboards/pg-board").json().path("tags").get(0).asString()).isEqualTo("x");
    }
}
