package io.sightline.server.query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which queries each user has starred. */
@Repository
class QueryFavoriteRepository {

    private final JdbcClient jdbc;

    QueryFavoriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starring twice is no error: the star is there either way. */
    void add(long userId, long queryId, OffsetDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO query_favorites (user_id, query_id, created_at)
                    SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM query_favorites WHERE user_id = ? AND query_id = ?)""")
                    .params(userId, queryId, now, userId, queryId).update();
        } catch (DuplicateKeyException starredMeanwhile) {
            // a concurrent request of the same user starred it first
        }
    }

    void remove(long userId, long queryId) {
        jdbc.sql("DELETE FROM query_favorites WHERE user_id = ? AND query_id = ?").params(userId, queryId).update();
    }

    /** Those of {@code queryIds} that the user has starred, in one round trip. */
    Set<Long> starred(long userId, Collection<Long> queryIds) {
        if (queryIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(userId);
        params.addAll(queryIds);
        return new HashSet<>(jdbc.sql("SELECT query_id FROM query_favorites WHERE user_id = ? AND query_id IN ("
                        + String.join(", ", Collections.nCopies(queryIds.size(), "?")) + ")")
                .params(params).query(Long.class).list());
    }
}
