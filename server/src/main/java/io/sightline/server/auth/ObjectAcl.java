package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.auth.User;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redash's {@code /acl} endpoints of a query or dashboard, once the feature found the object the caller sees:
 * the grants by access type, granting and revoking (the owner or an admin), and the caller's own check.
 */
@Service
public class ObjectAcl {

    private final AccessPermissionRepository grants;
    private final UserRepository users;
    private final UserJson userJson;
    private final ApplicationEventPublisher events;

    ObjectAcl(AccessPermissionRepository grants, UserRepository users, UserJson userJson, ApplicationEventPublisher events) {
        this.grants = grants;
        this.users = users;
        this.userJson = userJson;
        this.events = events;
    }

    /** The body of a grant or revoke: {@code {"access_type": "modify", "user_id": 7}}. */
    public record GrantBody(@JsonProperty("access_type") String accessType, @JsonProperty("user_id") Long userId) {
    }

    /** A grant as Redash answers it. */
    public record GrantJson(@JsonProperty("id") long id, @JsonProperty("object_id") long objectId,
                            @JsonProperty("object_type") String objectType,
                            @JsonProperty("access_type") String accessType, @JsonProperty("grantor") long grantor,
                            @JsonProperty("grantee") long grantee) {
    }

    /** {@code {"modify": [users]}}; {@code {}} when nothing was granted. */
    public Map<String, List<User>> list(String objectType, long objectId) {
        Map<String, List<User>> byType = new LinkedHashMap<>();
        for (AccessPermissionRepository.Grant grant : grants.of(objectType, objectId)) {
            users.findById(grant.granteeId()).ifPresent(user -> byType
                    .computeIfAbsent(grant.accessType(), type -> new java.util.ArrayList<>()).add(userJson.of(user)));
        }
        return byType;
    }

    /**
     * @throws ApiException 403 unless the caller owns the object or is an admin, 400 for a missing or unknown access
     *         type or user
     */
    @Transactional
    public GrantJson grant(SightlineUser caller, String objectType, long objectId, long ownerId, GrantBody body) {
        requireOwnerOrAdmin(caller, objectType, objectId, ownerId);
        String accessType = accessType(body);
        long granteeId = grantee(body);
        AccessPermissionRepository.Grant grant = grants.grant(objectType, objectId, accessType, granteeId, caller.id());
        events.publishEvent(Audited.of("grant_permission", singular(objectType), objectId, details(accessType, granteeId)));
        return new GrantJson(grant.id(), objectId, objectType, grant.accessType(), grant.grantorId(), grant.granteeId());
    }

    /** Revoking what was not granted answers 200 too, as in Redash. */
    @Transactional
    public void revoke(SightlineUser caller, String objectType, long objectId, long ownerId, GrantBody body) {
        requireOwnerOrAdmin(caller, objectType, objectId, ownerId);
        String accessType = accessType(body);
        long granteeId = grantee(body);
        grants.revoke(objectType, objectId, accessType, granteeId);
        events.publishEvent(Audited.of("revoke_permission", singular(objectType), objectId, details(accessType, granteeId)));
    }

    /** {@code {"response": true|false}}: whether the caller was granted that access (owning it is not asked). */
    public Map<String, Boolean> check(SightlineUser caller, String objectType, long objectId, String accessType) {
        requireKnown(accessType);
        return Map.of("response", grants.of(objectType, objectId).stream()
                .anyMatch(g -> g.accessType().equals(accessType) && g.granteeId() == caller.id()));
    }

    private static void requireOwnerOrAdmin(SightlineUser caller, String objectType, long objectId, long ownerId) {
        if (!caller.isAdmin() && caller.id() != ownerId) {
            throw ApiException.forbidden("Only the owner of " + singular(objectType) + " " + objectId
                    + " or an admin may change who may edit it");
        }
    }

    private static String accessType(GrantBody body) {
        if (body == null || body.accessType() == null) {
            throw ApiException.badRequest("'access_type' is missing: send \"modify\"");
        }
        requireKnown(body.accessType());
        return body.accessType();
    }

    private static void requireKnown(String accessType) {
        if (!AccessGrants.MODIFY.equals(accessType)) {
            throw ApiException.badRequest("Unknown access type '" + accessType + "': the only one is \"modify\"");
        }
    }

    private long grantee(GrantBody body) {
        if (body.userId() == null) {
            throw ApiException.badRequest("'user_id' is missing: send the id of the user");
        }
        if (users.findById(body.userId()).isEmpty()) {
            throw ApiException.badRequest("User " + body.userId() + " not found");
        }
        return body.userId();
    }

    private static String singular(String objectType) {
        return AccessGrants.QUERIES.equals(objectType) ? "query" : "dashboard";
    }

    private static Map<String, Object> details(String accessType, long granteeId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("access_type", accessType);
        details.put("grantee", granteeId);
        return details;
    }
}
