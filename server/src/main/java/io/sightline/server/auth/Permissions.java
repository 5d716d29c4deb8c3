package io.sightline.server.auth;

import io.sightline.server.system.ApiException;

/** The admin check of the user and group endpoints, with a message that says what was refused. */
final class Permissions {

    private Permissions() {
    }

    static void requireAdmin(SightlineUser caller, String what) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins may " + what);
        }
    }
}
