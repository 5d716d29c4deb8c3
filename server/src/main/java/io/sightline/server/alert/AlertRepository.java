package io.sightline.server.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private static final RowMapper<AlertRow> ROWS = new DataClassRowMapper<>(AlertRow.class);

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AlertRow> find(long id) {
        return jdbc.sql("SELECT " + AlertRow.COLUMNS + " FROM alerts WHERE id = ?").param(id).query(ROWS).optional();
    }

    List<AlertRow> all() {
        return jdbc.sql("SELECT " + AlertRow.COLUMNS + " FROM alerts ORDER BY id").query(ROWS).list();
    }

    List<AlertRow> ofQuery(long queryId) {
        return jdbc.sql("SELECT " + AlertRow.COLUMNS + " FROM alerts WHERE query_id = ? ORDER BY id").param(queryId)
                .query(ROWS).list();
    }

    long insert(String name, long queryId, long userId, String options, Integer rearm, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alerts (name, query_id, user_id, options, state, rearm, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'unknown', ?, ?, ?)""")
                .params(name, queryId, userId, options, rearm, now, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, long queryId, String options, Integer rearm, OffsetDateTime now) {
        jdbc.sql("UPDATE alerts SET name = ?, query_id = ?, options = ?, rearm = ?, updated_at = ? WHERE id = ?")
                .params(name, queryId, options, rearm, now, id).update();
    }

    void updateOptions(long id, String options, OffsetDateTime now) {
        jdbc.sql("UPDATE alerts SET options = ?, updated_at = ? WHERE id = ?").params(options, now, id).update();
    }

    /**
     * Moves the alert to {@code state} only if nobody else changed it since {@code seen} was read: of two processes
     * evaluating the same result, one makes the transition (and writes its notifications), the other sees 0.
     */
    boolean transition(AlertRow seen, String state, OffsetDateTime triggeredAt) {
        return jdbc.sql("""
                UPDATE alerts SET state = ?, last_triggered_at = ?
                WHERE id = ? AND state = ? AND last_triggered_at IS NOT DISTINCT FROM ?""")
                .params(state, triggeredAt, seen.id(), seen.state(), seen.lastTriggeredAt()).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM alerts WHERE id = ?").param(id).update() > 0;
    }
}
