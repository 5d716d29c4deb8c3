package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redash's tests/handlers/test_favorites.py over HTTP: a user's favourite queries. */
class FavoriteHandlersTest extends EmbeddedServerTest {

    private Member member;
    private long query;

    @BeforeEach
    void queryTheMemberReaches() {
        AccessFixtures access = new AccessFixtures(api());
        long dataSource = access.privateDataSource();
        member = access.user("Fan");
        access.grant(member, dataSource, false);
        var created = member.api().post("/api/queries", Map.of("name", "liked", "query", "SELECT 1",
                "data_source_id", dataSource));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        query = created.json().path("id").asLong();
    }

    // TestQueryFavoriteResource

    @Test
    void favorite() {
        var favored = member.api().post("/api/queries/" + query + "/favorite", Map.of());

        assertThat(favored.status()).as(favored.toString()).isEqualTo(200);
        assertThat(member.api().get("/api/queries/" + query).json().path("is_favorite").asBoolean()).isTrue();
        assertThat(api().get("/api/queries/" + query).json().path("is_favorite").asBoolean())
                .as("a favourite is the user's own").isFalse();
    }

    @Test
    void duplicateFavorite() {
        assertThat(member.api().post("/api/queries/" + query + "/favorite", Map.of()).status()).isEqualTo(200);

        var again = member.api().post("/api/queries/" + query + "/favorite", Map.of());

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(favoriteIds()).containsOnlyOnce(query);
    }

    @Test
    void unfavorite() {
        member.api().post("/api/queries/" + query + "/favorite", Map.of());

        var removed = member.api().delete("/api/queries/" + query + "/favorite");

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(member.api().get("/api/queries/" + query).json().path("is_favorite").asBoolean()).isFalse();
    }

    // TestQueryFavoriteListResource

    @Test
    void getFavorites() {
        member.api().post("/api/queries/" + query + "/favorite", Map.of());

        var listed = member.api().get("/api/queries/favorites");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("results").valueStream().map(q -> q.path("id").asLong())).containsExactly(query);
        assertThat(listed.json().path("results").path(0).path("is_favorite").asBoolean()).isTrue();
    }

    private List<Long> favoriteIds() {
        return member.api().get("/api/queries/favorites").json().path("results").valueStream()
                .map(q -> q.path("id").asLong()).toList();
    }
}
