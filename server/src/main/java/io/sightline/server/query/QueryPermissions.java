package io.sightline.server.query;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;

/** Redash's rules: group permissions for each action; only the owner or an admin may change a query. */
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

    static void requireModify(SightlineUser user, QueryRow query) {
        require(user, "edit_query", "edit queries");
        if (!mayModify(user, query.userId())) {
            throw ApiException.forbidden("Only the owner of query " + query.id() + " or an admin may change it");
        }
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
