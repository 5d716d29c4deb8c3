package io.sightline.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading {@code audit_events}: never writes (AuditRecorder inserts, AuditRetention deletes old rows). */
@Repository
class AuditEvents {

    static final int EXPORT_BATCH = 1000;

    record Event(long id, int orgId, Long userId, String action, String objectType, String objectId,
                 String additionalProperties, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(EventFilter filter) {
        var where = where(filter);
        var statement = jdbc.sql("SELECT COUNT(*) FROM audit_events" + where.sql());
        where.params().forEach(statement::param);
        return statement.query(Long.class).single();
    }

    /** Newest first, as Redash lists them. */
    List<Event> page(EventFilter filter, long offset, int limit) {
        var where = where(filter);
        var statement = jdbc.sql("SELECT * FROM audit_events" + where.sql() + " ORDER BY id DESC LIMIT " + limit
                + " OFFSET " + offset);
        where.params().forEach(statement::param);
        return statement.query(AuditEvents::event).list();
    }

    /** The newest event created at or before {@code before}, the export's upper bound; 0 when there is none. */
    long lastIdBefore(OffsetDateTime before) {
        return jdbc.sql("SELECT MAX(id) FROM audit_events WHERE created_at <= :before").param("before", before)
                .query(Long.class).optional().orElse(0L);
    }

    /** Oldest first, ids in (after, upTo], in batches, each event handed to {@code sink}. */
    void export(EventFilter filter, long after, long upTo, Consumer<Event> sink) {
        long cursor = after;
        while (cursor < upTo) {
            var where = where(filter);
            var statement = jdbc.sql("SELECT * FROM audit_events" + where.sql() + (where.sql().isEmpty() ? " WHERE" : " AND")
                    + " id > :after AND id <= :upTo ORDER BY id LIMIT " + EXPORT_BATCH);
            where.params().forEach(statement::param);
            List<Event> batch = statement.param("after", cursor).param("upTo", upTo).query(AuditEvents::event).list();
            batch.forEach(sink);
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            cursor = batch.get(batch.size() - 1).id();
        }
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.objectType() != null) {
            conditions.add("object_type = :objectType");
            params.put("objectType", filter.objectType());
        }
        if (filter.objectId() != null) {
            conditions.add("object_id = :objectId");
            params.put("objectId", filter.objectId());
        }
        if (filter.since() != null) {
            conditions.add("created_at >= :since");
            params.put("since", filter.since());
        }
        if (filter.until() != null) {
            conditions.add("created_at < :until");
            params.put("until", filter.until());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new Event(rs.getLong("id"), rs.getInt("org_id"), userId, rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("additional_properties"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
