package io.sightline.server.datasource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DataSourceRepository {

    /** Maps columns by name from the result metadata, once per class (not per query). */
    private static final RowMapper<DataSourceRow> DATA_SOURCES = new DataClassRowMapper<>(DataSourceRow.class);

    private static final String COLUMNS = "id, name, type, options, paused, pause_reason, created_at, updated_at";

    private final JdbcClient jdbc;

    DataSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DataSourceRow> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_sources ORDER BY id") // Redash's order
                .query(DATA_SOURCES).list();
    }

    Optional<DataSourceRow> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_sources WHERE id = ?").param(id)
                .query(DATA_SOURCES).optional();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM data_sources WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    Optional<Long> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM data_sources WHERE name = ?").param(name).query(Long.class).optional();
    }

    long insert(String name, String type, String options) {
        OffsetDateTime now = now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO data_sources (name, type, options, paused, created_at, updated_at) VALUES (?, ?, ?, FALSE, ?, ?)")
                .params(name, type, options, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every data source's stored options, for encrypting their secrets again under a new key. */
    List<Rewrites.Row> optionRows() {
        return jdbc.sql("SELECT id, name, options FROM data_sources ORDER BY id")
                .query((rs, n) -> new Rewrites.Row(rs.getLong("id"), rs.getString("name"), rs.getString("options")))
                .list();
    }

    /** Replaces the options only where they are still {@code before} (not a user's edit: updated_at stays). */
    boolean replaceOptions(long id, String before, String now) {
        return jdbc.sql("UPDATE data_sources SET options = ? WHERE id = ? AND options = ?")
                .params(now, id, before).update() == 1;
    }

    void update(long id, String name, String type, String options) {
        jdbc.sql("UPDATE data_sources SET name = ?, type = ?, options = ?, updated_at = ? WHERE id = ?")
                .params(name, type, options, now(), id).update();
    }

    void setPaused(long id, boolean paused, String reason) {
        jdbc.sql("UPDATE data_sources SET paused = ?, pause_reason = ?, updated_at = ? WHERE id = ?")
                .params(paused, reason, now(), id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM data_sources WHERE id = ?").param(id).update() > 0;
    }

    /** Gives a group access to a data source, as Redash gives the default group access to new ones. */
    void grant(long dataSourceId, String groupName, boolean viewOnly) {
        jdbc.sql("""
                INSERT INTO data_source_groups (data_source_id, group_id, view_only)
                SELECT ?, id, ? FROM groups WHERE name = ?""")
                .params(dataSourceId, viewOnly, groupName).update();
    }

    /** Gives a group access to a data source, or changes the view-only flag of the access it has. */
    void grant(long dataSourceId, long groupId, boolean viewOnly) {
        int changed = jdbc.sql("UPDATE data_source_groups SET view_only = ? WHERE data_source_id = ? AND group_id = ?")
                .params(viewOnly, dataSourceId, groupId).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO data_source_groups (data_source_id, group_id, view_only) VALUES (?, ?, ?)")
                    .params(dataSourceId, groupId, viewOnly).update();
        }
    }

    boolean revoke(long dataSourceId, long groupId) {
        return jdbc.sql("DELETE FROM data_source_groups WHERE data_source_id = ? AND group_id = ?")
                .params(dataSourceId, groupId).update() > 0;
    }

    /** Data source id to view-only flag of one group. */
    Map<Long, Boolean> accessOfGroup(long groupId) {
        return accessOf(List.of(groupId));
    }

    /** Group id to view-only flag, for the admin view of one data source. */
    Map<Long, Boolean> groups(long dataSourceId) {
        Map<Long, Boolean> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT group_id, view_only FROM data_source_groups WHERE data_source_id = ? ORDER BY group_id")
                .param(dataSourceId)
                .query(rs -> {
                    groups.put(rs.getLong(1), rs.getBoolean(2));
                });
        return groups;
    }

    /** Data source id to view-only for members of these groups: view-only unless one group has full access. */
    Map<Long, Boolean> accessOf(List<Long> groupIds) {
        Map<Long, Boolean> access = new HashMap<>();
        if (groupIds.isEmpty()) {
            return access;
        }
        jdbc.sql("""
                SELECT data_source_id, MIN(CASE WHEN view_only THEN 1 ELSE 0 END) FROM data_source_groups
                WHERE group_id IN (:groups) GROUP BY data_source_id""")
                .param("groups", groupIds)
                .query(rs -> {
                    access.put(rs.getLong(1), rs.getInt(2) == 1);
                });
        return access;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
