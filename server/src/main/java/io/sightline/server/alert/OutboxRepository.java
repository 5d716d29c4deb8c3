package io.sightline.server.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox. A row is claimed by a conditional update (pending, due, and still as read): of several
 * processes trying, exactly one gets 1 row updated, on H2 as on PostgreSQL; the claim pushes the row's next attempt
 * a lease ahead, so a process that dies while sending leaves it to another after the lease.
 */
@Repository
class OutboxRepository {

    private static final RowMapper<OutboxRow> ROWS = new DataClassRowMapper<>(OutboxRow.class);
    static final int MAX_ERROR_CHARS = 2_000;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A later state of the same alert for the same subscription makes undelivered earlier ones moot. */
    int supersede(long alertId, long subscriptionId) {
        return jdbc.sql("""
                UPDATE alert_notifications SET status = 'superseded'
                WHERE alert_id = ? AND subscription_id = ? AND status = 'pending' AND claimed_by IS NULL""")
                .params(alertId, subscriptionId).update();
    }

    void insert(long alertId, long subscriptionId, String destinationType, String state, String payload,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO alert_notifications (alert_id, subscription_id, destination_type, alert_state, payload,
                    status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")
                .params(alertId, subscriptionId, destinationType, state, payload, now, now).update();
    }

    List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT id FROM alert_notifications WHERE status = 'pending' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT " + limit)
                .param(now).query(Long.class).list();
    }

    /** @return the row when this process claimed it; empty when another did first or it is no longer due */
    Optional<OutboxRow> claim(long id, String worker, OffsetDateTime now, OffsetDateTime leaseEnd) {
        int claimed = jdbc.sql("""
                UPDATE alert_notifications SET claimed_by = ?, next_attempt_at = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?""")
                .params(worker, leaseEnd, id, now).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT n.id, n.alert_id, n.subscription_id, s.destination_id, n.destination_type, n.alert_state,
                       n.payload, n.attempts, n.created_at
                FROM alert_notifications n JOIN alert_subscriptions s ON s.id = n.subscription_id
                WHERE n.id = ?""").param(id).query(ROWS).optional();
    }

    void delivered(long id, String worker, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE alert_notifications SET status = 'delivered', delivered_at = ?, claimed_by = NULL, last_error = NULL
                WHERE id = ? AND claimed_by = ?""").params(now, id, worker).update();
        attempt(id, now, "delivered", null, worker);
    }

    /** @param retryAt when to try again, or null to give up (status failed) */
    void failed(long id, String worker, OffsetDateTime now, String error, OffsetDateTime retryAt) {
        String text = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS - 1) + "…" : error;
        jdbc.sql("""
                UPDATE alert_notifications SET status = ?, next_attempt_at = ?, claimed_by = NULL, last_error = ?
                WHERE id = ? AND claimed_by = ?""")
                .params(retryAt == null ? "failed" : "pending", retryAt == null ? now : retryAt, text, id, worker)
                .update();
        attempt(id, now, "failed", text, worker);
    }

    private void attempt(long id, OffsetDateTime now, String outcome, String error, String worker) {
        jdbc.sql("""
                INSERT INTO alert_delivery_attempts (notification_id, attempted_at, outcome, error, worker)
                VALUES (?, ?, ?, ?, ?)""").params(id, now, outcome, error, worker).update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM alert_notifications WHERE status = 'pending'").query(Long.class).single();
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String status : List.of("pending", "delivered", "failed", "superseded")) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM alert_notifications GROUP BY status")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Optional<OffsetDateTime> oldestPending() {
        return jdbc.sql("SELECT min(created_at) FROM alert_notifications WHERE status = 'pending'")
                .query(OffsetDateTime.class).optional();
    }

    record DeliveryRow(long id, long subscriptionId, Long destinationId, String destinationType, String alertState,
                       String status, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                       OffsetDateTime deliveredAt, String lastError) {
    }

    record AttemptRow(long notificationId, OffsetDateTime attemptedAt, String outcome, String error) {
    }

    List<DeliveryRow> ofAlert(long alertId, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.subscription_id, s.destination_id, n.destination_type, n.alert_state, n.status,
                       n.attempts, n.created_at, n.next_attempt_at, n.delivered_at, n.last_error
                FROM alert_notifications n JOIN alert_subscriptions s ON s.id = n.subscription_id
                WHERE n.alert_id = ? ORDER BY n.id DESC LIMIT """ + " " + limit)
                .param(alertId).query(new DataClassRowMapper<>(DeliveryRow.class)).list();
    }

    List<AttemptRow> attempts(List<Long> notificationIds) {
        if (notificationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT notification_id, attempted_at, outcome, error FROM alert_delivery_attempts
                WHERE notification_id IN (:ids) ORDER BY id""")
                .param("ids", notificationIds).query(new DataClassRowMapper<>(AttemptRow.class)).list();
    }
}
