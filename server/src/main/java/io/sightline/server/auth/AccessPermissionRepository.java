package io.sightline.server.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Redash's {@code access_permissions} rows: who was granted what on which query or dashboard, and by whom. */
@Repository
class AccessPermissionRepository {

    private static final String MODIFY = AccessGrants.MODIFY;

    private final JdbcClient jdbc;

    AccessPermissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code userId} was granted {@code modify} on the object. */
    boolean mayModify(String objectType, long objectId, long userId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM access_permissions
                        WHERE object_type = ? AND object_id = ? AND access_type = ? AND grantee_id = ?""")
                .params(objectType, objectId, MODIFY, userId).query(Long.class).single() > 0;
    }

    /** Which of the objects {@code userId} was granted {@code modify} on, in one statement for a list. */
    Set<Long> modifiableAmong(String objectType, Collection<Long> objectIds, long userId) {
        if (objectIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(List.of(objectType, MODIFY, userId));
        params.addAll(objectIds);
        return new HashSet<>(jdbc.sql("SELECT object_id FROM access_permissions"
                        + " WHERE object_type = ? AND access_type = ? AND grantee_id = ? AND object_id IN ("
                        + String.join(", ", Collections.nCopies(objectIds.size(), "?")) + ")")
                .params(params).query(Long.class).list());
    }

    record Grant(long id, String accessType, long grantorId, long granteeId) {
    }

    List<Grant> of(String objectType, long objectId) {
        return jdbc.sql("""
                        SELECT id, access_type, grantor_id, grantee_id FROM access_permissions
                        WHERE object_type = ? AND object_id = ? ORDER BY id""")
                .params(objectType, objectId)
                .query((rs, n) -> new Grant(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** Grants once: a second grant of the same access to the same user answers the first one. */
    Grant grant(String objectType, long objectId, String accessType, long granteeId, long grantorId) {
        try {
            jdbc.sql("""
                            INSERT INTO access_permissions
                                (object_type, object_id, access_type, grantor_id, grantee_id, created_at)
                            SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM access_permissions
                                WHERE object_type = ? AND object_id = ? AND access_type = ? AND grantee_id = ?)""")
                    .params(objectType, objectId, accessType, grantorId, granteeId, OffsetDateTime.now(ZoneOffset.UTC),
                            objectType, objectId, accessType, granteeId)
                    .update();
        } catch (DuplicateKeyException grantedMeanwhile) {
            // a concurrent request granted it first
        }
        return of(objectType, objectId).stream()
                .filter(g -> g.accessType().equals(accessType) && g.granteeId() == granteeId).findFirst().orElseThrow();
    }

    /** Revokes whoever granted it; revoking what was never granted changes nothing, as in Redash. */
    void revoke(String objectType, long objectId, String accessType, long granteeId) {
        jdbc.sql("""
                        DELETE FROM access_permissions
                        WHERE object_type = ? AND object_id = ? AND access_type = ? AND grantee_id = ?""")
                .params(objectType, objectId, accessType, granteeId).update();
    }
}
