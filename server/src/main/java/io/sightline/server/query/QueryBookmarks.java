package io.sightline.server.query;

import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;

/** A user's own marks on queries: favourites (stars) and recent uses. Neither is an edit of the query. */
@Service
class QueryBookmarks {

    private final QueryRepository queries;
    private final QueryFavoriteRepository favorites;
    private final QueryUsageRepository usage;

    QueryBookmarks(QueryRepository queries, QueryFavoriteRepository favorites, QueryUsageRepository usage) {
        this.queries = queries;
        this.favorites = favorites;
        this.usage = usage;
    }

    void favorite(long userId, long queryId) {
        requireExists(queryId);
        favorites.add(userId, queryId, now());
    }

    void unfavorite(long userId, long queryId) {
        requireExists(queryId);
        favorites.remove(userId, queryId);
    }

    /**
     * Remembers that the user opened, ran or saved the query just now (for "recent"): one UPDATE once the user has
     * used the query before. Unknown ids are ignored (the foreign key turns their insert down).
     */
    void recordUse(long userId, long queryId) {
        usage.record(userId, queryId, now());
    }

    private void requireExists(long queryId) {
        if (queries.find(queryId).isEmpty()) {
            throw ApiException.notFound("Query " + queryId + " does not exist");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
