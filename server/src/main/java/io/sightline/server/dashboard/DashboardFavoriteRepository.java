package io.sightline.server.dashboard;

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

/** Which dashboards each user has starred. */
@Repository
class DashboardFavoriteRepository {

    private final JdbcClient jdbc;

    DashboardFavoriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long userId, long dashboardId, OffsetDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO dashboard_favorites (user_id, dashboard_id, created_at)
                    SELECT ?, ?, ? WHERE NOT EXISTS
                        (SELECT 1 FROM dashboard_favorites WHERE user_id = ? AND dashboard_id = ?)""")
                    .params(userId, dashboardId, now, userId, dashboardId).update();
        } catch (DuplicateKeyException starredMeanwhile) {
            // a concurrent request of the same user starred it first
        }
    }

    void remove(long userId, long dashboardId) {
        jdbc.sql("DELETE FROM dashboard_favorites WHERE user_id = ? AND dashboard_id = ?")
                .params(userId, dashboardId).update();
    }

    Set<Long> starred(long userId, Collection<Long> dashboardIds) {
        if (dashboardIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(userId);
        params.addAll(dashboardIds);
        return new HashSet<>(jdbc.sql("SELECT dashboard_id FROM dashboard_favorites WHERE user_id = ? AND dashboard_id IN ("
                        + String.join(", ", Collections.nCopies(dashboardIds.size(), "?")) + ")")
                .params(params).query(Long.class).list());
    }
}
