package io.sightline.server.query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class QueryRepository {

    /** Maps columns by name from the result metadata, once per class (not per query). */
    private static final RowMapper<QueryRow> QUERIES = new DataClassRowMapper<>(QueryRow.class);

    private final JdbcClient jdbc;

    QueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QueryRow> find(long id) {
        return jdbc.sql("SELECT " + QueryRow.COLUMNS + " FROM queries WHERE id = ?").param(id)
                .query(QUERIES).optional();
    }

    /** The query (not archived) whose own API key this is. */
    Optional<Long> findIdByApiKey(String apiKey) {
        return jdbc.sql("SELECT id FROM queries WHERE api_key = ? AND is_archived = FALSE").param(apiKey)
                .query(Long.class).optional();
    }

    /** The first query of that exact name, preferring one that is not archived. */
    Optional<QueryRow> findByName(String name) {
        return jdbc.sql("SELECT " + QueryRow.COLUMNS + " FROM queries WHERE name = ? ORDER BY is_archived, id LIMIT 1")
                .param(name).query(QUERIES).optional();
    }

    long insert(QueryContent content, long userId, String apiKey, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO queries (name, description, query_text, query_hash, data_source_id, user_id,
                    last_modified_by_id, schedule, options, is_archived, is_draft, api_key, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 1, ?, ?)""")
                .params(content.name(), content.description(), content.queryText(), QueryHash.of(content.queryText()),
                        content.dataSourceId(), userId, userId, content.scheduleJson(), content.optionsJson(),
                        content.draft(), apiKey, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Changes the sent fields and bumps the version, if the version is still {@code expectedVersion}. Only sent
     * columns are written, so an update without an expected version cannot undo another one's other fields.
     *
     * @param expectedVersion null: whatever the version is (the caller chose to overwrite)
     * @return false when the row is at another version (or gone): someone else saved first
     */
    boolean update(long id, Long expectedVersion, QueryEdit edit, long userId, OffsetDateTime now) {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        set(edit.has(QueryEdit.DATA_SOURCE_ID), "data_source_id", edit.dataSourceId(), sets, params);
        set(edit.has(QueryEdit.NAME), "name", edit.name(), sets, params);
        set(edit.has(QueryEdit.DESCRIPTION), "description", edit.description(), sets, params);
        set(edit.has(QueryEdit.QUERY), "query_text", edit.queryText(), sets, params);
        set(edit.has(QueryEdit.QUERY), "query_hash", edit.has(QueryEdit.QUERY) ? QueryHash.of(edit.queryText()) : null,
                sets, params);
        boolean archives = Boolean.TRUE.equals(edit.archived());
        set(edit.has(QueryEdit.SCHEDULE) && !archives, "schedule", edit.scheduleJson(), sets, params);
        set(edit.has(QueryEdit.OPTIONS), "options", edit.optionsJson(), sets, params);
        set(edit.has(QueryEdit.IS_DRAFT), "is_draft", edit.draft(), sets, params);
        set(edit.has(QueryEdit.IS_ARCHIVED), "is_archived", edit.archived(), sets, params);
        set(edit.has(QueryEdit.LATEST_QUERY_DATA_ID), "latest_query_data_id", edit.latestQueryDataId(), sets, params);
        if (archives) {
            sets.add("schedule = NULL"); // as DELETE archives: an archived query is no longer scheduled
        }
        set(true, "last_modified_by_id", userId, sets, params);
        set(true, "updated_at", now, sets, params);
        sets.add("version = version + 1");
        params.add(id);
        String where = " WHERE id = ?";
        if (expectedVersion != null) {
            where += " AND version = ?";
            params.add(expectedVersion);
        }
        return jdbc.sql("UPDATE queries SET " + String.join(", ", sets) + where).params(params).update() == 1;
    }

    private static void set(boolean sent, String column, Object value, List<String> sets, List<Object> params) {
        if (sent) {
            sets.add(column + " = ?");
            params.add(value);
        }
    }

    /** Archiving is not an edit of the content: no new version, and an archived query is no longer scheduled. */
    boolean archive(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE queries SET is_archived = TRUE, schedule = NULL, updated_at = ? WHERE id = ?")
                .params(now, id).update() == 1;
    }

    boolean setLatestResult(long id, long queryResultId) {
        return jdbc.sql("UPDATE queries SET latest_query_data_id = ? WHERE id = ?")
                .params(queryResultId, id).update() == 1;
    }

    /** Queries that may run on a schedule: a schedule object saved, and not archived. */
    List<QueryRow> scheduled() {
        return jdbc.sql("SELECT " + QueryRow.COLUMNS + " FROM queries WHERE schedule IS NOT NULL AND is_archived = FALSE"
                + " ORDER BY id").query(QUERIES).list();
    }

    /**
     * One more failed scheduled refresh in a row (with its error), or none after a success.
     *
     * @return the failures in a row now, or empty when the query is gone
     */
    Optional<Integer> recordScheduledRun(long id, String error) {
        int changed = error == null
                ? jdbc.sql("UPDATE queries SET schedule_failures = 0, schedule_last_error = NULL WHERE id = ?")
                        .param(id).update()
                : jdbc.sql("UPDATE queries SET schedule_failures = schedule_failures + 1, schedule_last_error = ?"
                        + " WHERE id = ?").params(error, id).update();
        if (changed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT schedule_failures FROM queries WHERE id = ?").param(id).query(Integer.class).optional();
    }

    /** Switches a schedule off, with the reason, unless the schedule was changed since it was read. */
    boolean stopSchedule(long id, String expectedSchedule, String stoppedSchedule, String reason) {
        return jdbc.sql("UPDATE queries SET schedule = ?, schedule_last_error = ? WHERE id = ? AND schedule = ?")
                .params(stoppedSchedule, reason, id, expectedSchedule).update() == 1;
    }

    long count(QueryFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM queries WHERE " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    List<QueryRow> list(QueryFilter filter) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        String order = filter.order().sql;
        if (filter.scope() == QueryFilter.Scope.RECENT) {
            order = "(SELECT u.used_at FROM query_usage u WHERE u.query_id = queries.id AND u.user_id = ?) DESC, id DESC";
            params.add(filter.callerId());
        }
        params.add(filter.pageSize());
        params.add(filter.offset());
        return jdbc.sql("SELECT " + QueryRow.COLUMNS + " FROM queries WHERE " + where.sql
                        + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(params).query(QUERIES).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(QueryFilter filter) {
        StringBuilder sql = new StringBuilder(filter.scope() == QueryFilter.Scope.ARCHIVED
                ? "is_archived = TRUE" : "is_archived = FALSE");
        List<Object> params = new ArrayList<>();
        if (filter.dataSourceIds() != null) {
            if (filter.dataSourceIds().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND data_source_id IN (")
                        .append(String.join(", ", Collections.nCopies(filter.dataSourceIds().size(), "?"))).append(")");
                params.addAll(filter.dataSourceIds());
            }
        }
        if (filter.ownerId() != null) {
            sql.append(" AND user_id = ?");
            params.add(filter.ownerId());
        }
        if (filter.scope() == QueryFilter.Scope.FAVORITES) {
            sql.append(" AND id IN (SELECT query_id FROM query_favorites WHERE user_id = ?)");
            params.add(filter.callerId());
        }
        if (filter.scope() == QueryFilter.Scope.RECENT) {
            sql.append(" AND id IN (SELECT query_id FROM query_usage WHERE user_id = ?)");
            params.add(filter.callerId());
        }
        if (filter.search() != null) {
            QuerySearch.where(filter.search(), sql, params);
        }
        if (!filter.tags().isEmpty()) {
            sql.append(" AND id IN (SELECT query_id FROM query_tags WHERE tag IN (")
                    .append(String.join(", ", Collections.nCopies(filter.tags().size(), "?")))
                    .append(") GROUP BY query_id HAVING COUNT(*) = ?)");
            params.addAll(filter.tags());
            params.add(filter.tags().size());
        }
        return new Where(sql.toString(), params);
    }
}
