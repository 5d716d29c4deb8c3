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
class SubscriptionRepository {

    private static final RowMapper<SubscriptionRow> ROWS = new DataClassRowMapper<>(SubscriptionRow.class);

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SubscriptionRow> ofAlert(long alertId) {
        return jdbc.sql("SELECT " + SubscriptionRow.COLUMNS + " FROM alert_subscriptions WHERE alert_id = ? ORDER BY id")
                .param(alertId).query(ROWS).list();
    }

    Optional<SubscriptionRow> find(long id) {
        return jdbc.sql("SELECT " + SubscriptionRow.COLUMNS + " FROM alert_subscriptions WHERE id = ?").param(id)
                .query(ROWS).optional();
    }

    boolean exists(long alertId, long destinationId) {
        return jdbc.sql("SELECT count(*) FROM alert_subscriptions WHERE alert_id = ? AND destination_id = ?")
                .params(alertId, destinationId).query(Long.class).single() > 0;
    }

    /** Whether the user is already emailed the alert through the server's mail server (no destination). */
    boolean existsForUser(long alertId, long userId) {
        return jdbc.sql("SELECT count(*) FROM alert_subscriptions WHERE alert_id = ? AND user_id = ?"
                        + " AND destination_id IS NULL")
                .params(alertId, userId).query(Long.class).single() > 0;
    }

    /** @param destinationId null: emailed to the user through the server's mail server */
    long insert(long alertId, long userId, Long destinationId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_subscriptions (alert_id, user_id, destination_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?)""").params(alertId, userId, destinationId, now, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM alert_subscriptions WHERE id = ?").param(id).update();
    }
}
