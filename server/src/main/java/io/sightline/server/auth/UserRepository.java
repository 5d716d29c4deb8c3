package io.sightline.server.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** Maps columns by name from the result metadata, once per class (not per query). */
    private static final RowMapper<UserRecord> USERS = new DataClassRowMapper<>(UserRecord.class);

    private static final String COLUMNS =
            "id, name, email, password_hash, api_key, auth_type, created_at, updated_at, disabled_at, active_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    Optional<UserRecord> findByApiKey(String apiKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE api_key = ?").param(apiKey)
                .query(USERS).optional();
    }

    Optional<UserRecord> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE LOWER(email) = LOWER(?)").param(email)
                .query(USERS).optional();
    }

    Optional<UserRecord> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id)
                .query(USERS).optional();
    }

    Optional<Long> firstAdminId() {
        return jdbc.sql("""
                SELECT MIN(ug.user_id) FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE g.name = 'admin'""")
                .query(Long.class).optional();
    }

    long insert(String name, String email, String passwordHash, String apiKey) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (name, email, password_hash, api_key, auth_type, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'password', ?, ?)""")
                .params(name, email, passwordHash, apiKey, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addToGroup(long userId, String groupName) {
        jdbc.sql("INSERT INTO user_groups (user_id, group_id) SELECT ?, id FROM groups WHERE name = ?")
                .params(userId, groupName).update();
    }

    List<Long> groupIds(long userId) {
        return jdbc.sql("SELECT group_id FROM user_groups WHERE user_id = ? ORDER BY group_id")
                .param(userId).query(Long.class).list();
    }

    Set<String> permissions(long userId) {
        List<String> lists = jdbc.sql("""
                SELECT g.permissions FROM groups g JOIN user_groups ug ON ug.group_id = g.id
                WHERE ug.user_id = ?""").param(userId).query(String.class).list();
        Set<String> permissions = new LinkedHashSet<>();
        lists.forEach(list -> permissions.addAll(List.of(list.split(","))));
        return permissions;
    }
}
