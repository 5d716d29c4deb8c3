package io.sightline.server.auth;

import java.util.List;
import java.util.Set;

/**
 * The authenticated caller, as other features see it. Serializable: a browser session keeps it in the shared session
 * store (decision 0051).
 */
public record SightlineUser(long id, String name, String email, List<Long> groupIds, Set<String> permissions)
        implements java.io.Serializable {

    public boolean isAdmin() {
        return permissions.contains("admin");
    }

    public boolean has(String permission) {
        return isAdmin() || permissions.contains(permission);
    }
}
