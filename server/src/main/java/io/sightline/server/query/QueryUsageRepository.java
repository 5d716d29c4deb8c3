package io.sightline.server.query;

import java.time.OffsetDateTime;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each user last opened, ran or saved each query: one row per user and query, overwritten on every use. */
@Repository
class QueryUsageRepository {

    private final JdbcClient jdbc;

    QueryUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One UPDATE; the first use of a query by a user is an INSERT, retried as an UPDATE if another request won the
     * race. An unknown query (or user) fails the INSERT's foreign key and is not recorded.
     */
    void record(long userId, long queryId, OffsetDateTime now) {
        if (touch(userId, queryId, now)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO query_usage (user_id, query_id, used_at) VALUES (?, ?, ?)")
                    .params(userId, queryId, now).update();
        } catch (DataIntegrityViolationException insertedMeanwhileOrNoSuchQuery) {
            touch(userId, queryId, now);
        }
    }

    private boolean touch(long userId, long queryId, OffsetDateTime now) {
        return jdbc.sql("UPDATE query_usage SET used_at = ? WHERE user_id = ? AND query_id = ?")
                .params(now, userId, queryId).update() == 1;
    }
}
