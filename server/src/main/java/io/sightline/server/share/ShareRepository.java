package io.sightline.server.share;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public links of dashboards, and the read-only view of a shared dashboard's rows that the public page needs:
 * its widgets with their visualizations and queries, never a query's text or owner.
 */
@Repository
class ShareRepository {

    /** A dashboard as the public page sees it. */
    record SharedDashboard(long id, String name, String slug, long ownerId, String layout, String options,
                           boolean archived, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A widget joined with its visualization and query (all null for a text widget). */
    record SharedWidget(long id, int width, String text, String options, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt, Long visualizationId, String vizType, String vizName,
                        String vizDescription, String vizOptions, OffsetDateTime vizCreatedAt,
                        OffsetDateTime vizUpdatedAt, Long queryId, String queryName, String queryDescription,
                        String queryOptions, Long latestResultId) {
    }

    /** An active link: the dashboard it opens, who made it, and when it stops working (null: never). */
    record Share(String token, long dashboardId, long createdBy, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;

    ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SharedDashboard> dashboard(long id) {
        return jdbc.sql("SELECT id, name, slug, user_id, layout, options, is_archived, created_at, updated_at"
                        + " FROM dashboards WHERE id = ?").param(id)
                .query((rs, n) -> new SharedDashboard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }

    List<SharedWidget> widgets(long dashboardId) {
        return jdbc.sql("SELECT w.id, w.width, w.text, w.options, w.created_at, w.updated_at, v.id, v.type, v.name,"
                        + " v.description, v.options, v.created_at, v.updated_at, q.id, q.name, q.description, q.options,"
                        + " q.latest_query_data_id"
                        + " FROM widgets w LEFT JOIN visualizations v ON v.id = w.visualization_id"
                        + " LEFT JOIN queries q ON q.id = v.query_id WHERE w.dashboard_id = ? ORDER BY w.id")
                .param(dashboardId)
                .query((rs, n) -> new SharedWidget(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                        (Long) rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class),
                        rs.getObject(14, Long.class), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getObject(18, Long.class)))
                .list();
    }

    /** The active, unexpired link with this token. */
    Optional<Share> active(String token, OffsetDateTime now) {
        return jdbc.sql("SELECT token, dashboard_id, created_by, expires_at FROM dashboard_shares"
                        + " WHERE token = ? AND active AND (expires_at IS NULL OR expires_at > ?)")
                .params(token, now)
                .query((rs, n) -> new Share(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    /** The dashboard's current link, if it has an active, unexpired one. */
    Optional<Share> ofDashboard(long dashboardId, OffsetDateTime now) {
        return jdbc.sql("SELECT token, dashboard_id, created_by, expires_at FROM dashboard_shares"
                        + " WHERE dashboard_id = ? AND active AND (expires_at IS NULL OR expires_at > ?)"
                        + " ORDER BY created_at DESC LIMIT 1")
                .params(dashboardId, now)
                .query((rs, n) -> new Share(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    /** A new link; the dashboard's earlier links stop working, so one dashboard has one link at a time. */
    void replace(String token, long dashboardId, long createdBy, OffsetDateTime expiresAt, OffsetDateTime now) {
        revoke(dashboardId);
        jdbc.sql("INSERT INTO dashboard_shares (token, dashboard_id, created_by, active, expires_at, created_at)"
                        + " VALUES (?, ?, ?, TRUE, ?, ?)")
                .params(token, dashboardId, createdBy, expiresAt, now).update();
    }

    int revoke(long dashboardId) {
        return jdbc.sql("UPDATE dashboard_shares SET active = FALSE WHERE dashboard_id = ? AND active")
                .param(dashboardId).update();
    }
}
