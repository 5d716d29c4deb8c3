package io.sightline.server.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WidgetRepository {

    private static final RowMapper<WidgetRow> ROWS = new DataClassRowMapper<>(WidgetRow.class);

    private final JdbcClient jdbc;

    WidgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WidgetRow> find(long id) {
        return jdbc.sql("SELECT " + WidgetRow.COLUMNS + " FROM widgets WHERE id = ?").param(id).query(ROWS).optional();
    }

    /** The dashboard's widgets, oldest first (their place on the grid is in their options). */
    List<WidgetRow> ofDashboard(long dashboardId) {
        return jdbc.sql("SELECT " + WidgetRow.COLUMNS + " FROM widgets WHERE dashboard_id = ? ORDER BY id")
                .param(dashboardId).query(ROWS).list();
    }

    long insert(long dashboardId, Long visualizationId, String text, int width, String optionsJson,
                OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO widgets (dashboard_id, visualization_id, text, width, options, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(dashboardId, visualizationId, text, width, optionsJson, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String text, int width, String optionsJson, OffsetDateTime now) {
        jdbc.sql("UPDATE widgets SET text = ?, width = ?, options = ?, updated_at = ? WHERE id = ?")
                .params(text, width, optionsJson, now, id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM widgets WHERE id = ?").param(id).update() > 0;
    }

    void deleteOfDashboard(long dashboardId) {
        jdbc.sql("DELETE FROM widgets WHERE dashboard_id = ?").param(dashboardId).update();
    }

    /** Copies of every widget of {@code from} on {@code to} (a fork): same visualizations, text and options. */
    void copy(long from, long to, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO widgets (dashboard_id, visualization_id, text, width, options, created_at, updated_at)
                SELECT ?, visualization_id, text, width, options, ?, ? FROM widgets WHERE dashboard_id = ? ORDER BY id""")
                .params(to, now, now, from).update();
    }
}
