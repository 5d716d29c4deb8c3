package io.sightline.server.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class GroupRepository {

    private static final RowMapper<GroupRecord> GROUPS = new DataClassRowMapper<>(GroupRecord.class);
    private static final String COLUMNS = "id, name, type, permissions, created_at";

    /** What a new regular group may do: Redash gives new groups the default group's permissions. */
    static final String REGULAR_PERMISSIONS = "create_dashboard,create_query,edit_dashboard,edit_query,view_query,"
            + "view_source,execute_query,list_users,schedule_query,list_dashboards,list_alerts,list_data_sources";

    private final JdbcClient jdbc;

    GroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupRecord> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM groups ORDER BY id").query(GROUPS).list();
    }

    List<GroupRecord> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM groups WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(GROUPS).list();
    }

    Optional<GroupRecord> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM groups WHERE id = ?").param(id).query(GROUPS).optional();
    }

    Optional<GroupRecord> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM groups WHERE LOWER(name) = LOWER(?)").param(name)
                .query(GROUPS).optional();
    }

    long insert(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO groups (name, type, permissions, created_at) VALUES (?, 'regular', ?, ?)")
                .params(name, REGULAR_PERMISSIONS, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void rename(long id, String name) {
        jdbc.sql("UPDATE groups SET name = ? WHERE id = ?").params(name, id).update();
    }

    /** Memberships and data source grants go with the group (the grants by ON DELETE CASCADE). */
    void delete(long id) {
        jdbc.sql("DELETE FROM user_groups WHERE group_id = ?").param(id).update();
        jdbc.sql("DELETE FROM groups WHERE id = ?").param(id).update();
    }
}
