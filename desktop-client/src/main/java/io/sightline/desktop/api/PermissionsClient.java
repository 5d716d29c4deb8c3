package io.sightline.desktop.api;

import io.sightline.common.api.auth.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Per-object permissions ({@code /api/queries/{id}/acl}, {@code /api/dashboards/{id}/acl}): the users granted
 * {@code modify} on a query or dashboard besides its owner and the admins. Every method blocks: call it from a
 * background task.
 */
public final class PermissionsClient {

    /** What the permissions are of, by its path under {@code /api}. */
    public enum Kind {
        QUERY("queries"), DASHBOARD("dashboards");

        private final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    private final SightlineClient transport;

    public PermissionsClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** {@code GET …/acl}: the users granted {@code modify}, in the order they were granted. */
    public List<User> granted(Kind kind, long id) {
        JsonNode modify = transport.get(transport.url(acl(kind, id))).path("modify");
        List<User> users = new ArrayList<>();
        modify.forEach(user -> users.add(SightlineClient.JSON.treeToValue(user, User.class)));
        return users;
    }

    /** @throws ApiException 403 with the server's reason when the caller neither owns it nor is an admin */
    public void grant(Kind kind, long id, long userId) {
        transport.post(transport.url(acl(kind, id)), Map.of("access_type", "modify", "user_id", userId));
    }

    /** @throws ApiException 403 with the server's reason when the caller neither owns it nor is an admin */
    public void revoke(Kind kind, long id, long userId) {
        transport.delete(transport.url(acl(kind, id)), Map.of("access_type", "modify", "user_id", userId));
    }

    /** The users one may grant to: every enabled user. */
    public List<User> users() {
        return new UsersClient(transport).users().stream().filter(user -> !user.disabled()).toList();
    }

    private static String acl(Kind kind, long id) {
        return "api/" + kind.path + "/" + id + "/acl";
    }
}
