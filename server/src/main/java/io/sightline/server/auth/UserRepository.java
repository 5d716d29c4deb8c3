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
            "id, name, email, password_hash, api_key_hash, auth_type, created_at, updated_at, disabled_at, active_at,"
            + " session_epoch, invitation_pending";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    Optional<UserRecord> findByApiKeyHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE api_key_hash = ?").param(hash)
                .query(USERS).optional();
    }

    /** The user a password login handed this key to. */
    Optional<UserRecord> findByLoginKeyHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = (SELECT user_id FROM user_login_keys WHERE key_hash = ?)")
                .param(hash).query(USERS).optional();
    }

    /** Stores a login key's hash and forgets the user's oldest ones beyond {@code keep}. */
    void insertLoginKey(long userId, String hash, int keep) {
        jdbc.sql("INSERT INTO user_login_keys (user_id, key_hash, created_at) VALUES (?, ?, ?)")
                .params(userId, hash, OffsetDateTime.now(ZoneOffset.UTC)).update();
        List<Long> ids = jdbc.sql("SELECT id FROM user_login_keys WHERE user_id = ? ORDER BY id DESC")
                .param(userId).query(Long.class).list();
        ids.stream().skip(keep).forEach(id -> jdbc.sql("DELETE FROM user_login_keys WHERE id = ?").param(id).update());
    }

    /** Ends every login key of the user but the one with hash {@code except} (may be null). */
    void deleteLoginKeys(long userId, String except) {
        jdbc.sql("DELETE FROM user_login_keys WHERE user_id = ? AND key_hash <> ?")
                .params(userId, except == null ? "" : except).update();
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

    /** A user who signs in through the OpenID provider only: no password, no invitation; auth_type external. */
    long insertExternal(String name, String email, String apiKeyHash) {
        long id = insert(name, email, null, apiKeyHash, false);
        jdbc.sql("UPDATE users SET auth_type = 'external' WHERE id = ?").param(id).update();
        return id;
    }

    /** A user without a password hash is an invitation until they set one. */
    long insert(String name, String email, String passwordHash, String apiKeyHash) {
        return insert(name, email, passwordHash, apiKeyHash, passwordHash == null);
    }

    /** @param invitationPending false for a user without a password who is no invitation (the first admin's key) */
    long insert(String name, String email, String passwordHash, String apiKeyHash, boolean invitationPending) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (name, email, password_hash, api_key_hash, auth_type, created_at, updated_at,
                                   invitation_pending)
                VALUES (?, ?, ?, ?, 'password', ?, ?, ?)""")
                .params(name, email, passwordHash, apiKeyHash, now, now, invitationPending)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** When the user was last seen using Sightline; not an edit (updated_at stays). */
    void touchActiveAt(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE users SET active_at = ? WHERE id = ?").params(at, id).update();
    }

    List<UserRecord> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY LOWER(name), id").query(USERS).list();
    }

    List<UserRecord> findByGroup(long groupId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (SELECT user_id FROM user_groups WHERE group_id = ?)"
                + " ORDER BY LOWER(name), id").param(groupId).query(USERS).list();
    }

    void updateProfile(long id, String name, String email) {
        jdbc.sql("UPDATE users SET name = ?, email = ?, updated_at = ? WHERE id = ?")
                .params(name, email, OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /** Counts the session epoch up (a new email, as Redash's session identity): the user's sessions of before end. */
    void endSessions(long id) {
        jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?").param(id).update();
    }

    /**
     * A new password also counts the session epoch up: the user's sessions of before stop working, and so do the
     * invitation and reset links made before ({@link UserLinks}). It accepts a pending invitation.
     */
    void updatePassword(long id, String passwordHash) {
        jdbc.sql("""
                UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1, invitation_pending = FALSE,
                updated_at = ? WHERE id = ?""")
                .params(passwordHash, OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /** As {@link #updatePassword}, only while the epoch is still {@code epoch}: false when another change came first. */
    boolean updatePasswordAtEpoch(long id, String passwordHash, long epoch) {
        return jdbc.sql("""
                UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1, invitation_pending = FALSE,
                updated_at = ? WHERE id = ? AND session_epoch = ? AND disabled_at IS NULL""")
                .params(passwordHash, OffsetDateTime.now(ZoneOffset.UTC), id, epoch).update() == 1;
    }

    void updateApiKeyHash(long id, String apiKeyHash) {
        jdbc.sql("UPDATE users SET api_key_hash = ?, updated_at = ? WHERE id = ?")
                .params(apiKeyHash, OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    void setDisabled(long id, boolean disabled) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?")
                .params(disabled ? now : null, now, id).update();
    }

    /** Deletes a user with what is only theirs (groups, login keys, favorites...); false when nothing was deleted. */
    boolean delete(long id) {
        jdbc.sql("DELETE FROM user_groups WHERE user_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() == 1;
    }

    /** Names of the groups, by id. */
    java.util.Map<Long, String> groupNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM groups").query(rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    void addToGroup(long userId, long groupId) {
        jdbc.sql("""
                INSERT INTO user_groups (user_id, group_id) SELECT ?, ? FROM users
                WHERE id = ? AND NOT EXISTS (SELECT 1 FROM user_groups WHERE user_id = ? AND group_id = ?)""")
                .params(userId, groupId, userId, userId, groupId).update();
    }

    void removeFromGroup(long userId, long groupId) {
        jdbc.sql("DELETE FROM user_groups WHERE user_id = ? AND group_id = ?").params(userId, groupId).update();
    }

    /**
     * Whether no enabled user but {@code userId} is in the admin group. The admin group's row stays locked until
     * the transaction ends, so two admins leaving at once cannot both see the other one stay.
     */
    boolean noOtherEnabledAdmin(long userId) {
        jdbc.sql("SELECT id FROM groups WHERE name = 'admin' FOR UPDATE").query(Long.class).list();
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_groups ug JOIN groups g ON g.id = ug.group_id JOIN users u ON u.id = ug.user_id
                WHERE g.name = 'admin' AND u.disabled_at IS NULL AND u.id <> ?""")
                .param(userId).query(Long.class).single() == 0;
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
