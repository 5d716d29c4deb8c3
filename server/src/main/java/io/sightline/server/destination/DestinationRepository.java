package io.sightline.server.destination;

import io.sightline.server.datasource.Rewrites;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DestinationRepository {

    private static final RowMapper<DestinationRow> ROWS = new DataClassRowMapper<>(DestinationRow.class);

    private final JdbcClient jdbc;

    DestinationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DestinationRow> find(long id) {
        return jdbc.sql("SELECT " + DestinationRow.COLUMNS + " FROM notification_destinations WHERE id = ?").param(id)
                .query(ROWS).optional();
    }

    List<DestinationRow> all() {
        return jdbc.sql("SELECT " + DestinationRow.COLUMNS + " FROM notification_destinations ORDER BY id").query(ROWS)
                .list();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM notification_destinations WHERE name = ? AND id <> ?")
                .params(name, exceptId).query(Long.class).single() > 0;
    }

    long insert(String name, String type, String options, long userId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification_destinations (name, type, options, user_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(name, type, options, userId, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every destination's stored options, for encrypting their secrets again under a new key. */
    List<Rewrites.Row> optionRows() {
        return jdbc.sql("SELECT id, name, options FROM notification_destinations ORDER BY id")
                .query((rs, n) -> new Rewrites.Row(rs.getLong("id"), rs.getString("name"), rs.getString("options")))
                .list();
    }

    /** Replaces the options only where they are still {@code before}. */
    boolean replaceOptions(long id, String before, String now) {
        return jdbc.sql("UPDATE notification_destinations SET options = ? WHERE id = ? AND options = ?")
                .params(now, id, before).update() == 1;
    }

    void update(long id, String name, String type, String options) {
        jdbc.sql("UPDATE notification_destinations SET name = ?, type = ?, options = ? WHERE id = ?")
                .params(name, type, options, id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM notification_destinations WHERE id = ?").param(id).update() > 0;
    }
}
