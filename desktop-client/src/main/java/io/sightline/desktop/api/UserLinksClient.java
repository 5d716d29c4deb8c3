package io.sightline.desktop.api;

import java.util.Map;

/**
 * The links an admin hands to a user to set a password (Redash's {@code POST /api/users/{id}/invite} and
 * {@code /reset_password}), over the workbench's transport. Every method blocks: call it from a background task.
 */
public final class UserLinksClient {

    private final SightlineClient transport;

    public UserLinksClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** A new invitation link for a user who has not set a password yet (valid seven days, once). */
    public String invitation(long userId) {
        return transport.post(transport.url("api/users/" + userId + "/invite"), Map.of()).path("invite_link")
                .asString();
    }

    /** A password reset link for an active user (valid one day, once). */
    public String passwordReset(long userId) {
        return transport.post(transport.url("api/users/" + userId + "/reset_password"), Map.of()).path("reset_link")
                .asString();
    }
}
