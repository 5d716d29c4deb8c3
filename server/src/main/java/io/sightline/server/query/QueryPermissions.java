package io.sightline.server.query;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;

/**
 * Redash's rules: group permissions for each action; only the owner, an admin or a user they granted {@code modify}
 * (Redash's per-object permissions) may change a query.
 */
final class QueryPermissions {

    private QueryPermissions() {
    }

    static void requireView(SightlineUser user) {
        require(user, "view_query", "view queries");
    }

    static void requireCreate(SightlineUser user) {
        require(user, "create_query", "create queries");
    }

    static void requireSchedule(SightlineUser user) {
        require(user, "schedule_query", "schedule queries");
    }

    /** @param granted whether the user was granted {@code modify} on the query */
    static void requireModify(SightlineUser user, QueryRow query, boolean granted) {
        require(user, "edit_query", "edit queries");
        if (!mayModify(user, query.userId()) && !granted) {
            throw ApiException.forbidden("Only the owner of query " + query.id()
                    + ", an admin or a user they granted 'modify' may change it");
        }
    }

    /** Redash's {@code can_edit}: owner or admin, or granted {@code modify}, with {@code edit_query}. */
    static boolean canEdit(SightlineUser user, QueryRow query, boolean granted) {
        return mayModify(user, query.userId()) || (granted && user.has("edit_query"));
    }

    /** Whether the user may change a query owned by {@code ownerId} (and so see its API key). */
    static boolean mayModify(SightlineUser user, long ownerId) {
        return user.isAdmin() || (user.has("edit_query") && user.id() == ownerId);
    }

    private static void require(SightlineUser user, String permission, String what) {
        if (!user.has(permission)) {
            throw ApiException.forbidden("You may not " + what + " (permission '" + permission + "' is missing)");
        }
    }
}
