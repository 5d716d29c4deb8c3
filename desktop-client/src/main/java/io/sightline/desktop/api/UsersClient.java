package io.sightline.desktop.api;

import io.sightline.common.api.auth.User;
import io.sightline.common.api.auth.UserPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Users ({@code /api/users...}): the admin's list and forms, over the workbench's transport. Every method blocks:
 * call it from a background task.
 */
public final class UsersClient {

    private final SightlineClient transport;

    public UsersClient(SightlineClient transport) {
        this.transport = transport;
    }

    /**
     * Whether the server manages users and groups ({@code /api/users}); an older server answers 404 and the
     * workbench hides those screens.
     */
    public boolean offersUsersAndGroups() {
        try {
            transport.get(transport.url("api/users"));
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Every user, enabled and disabled, by name: the server pages {@code /api/users} and lists disabled users only
     * when asked ({@code disabled=true}), as Redash does.
     */
    public List<User> users() {
        List<User> users = new ArrayList<>(users(false));
        users.addAll(users(true));
        users.sort(Comparator.comparing((User user) -> user.name().toLowerCase(Locale.ROOT)).thenComparing(User::id));
        return users;
    }

    private List<User> users(boolean disabled) {
        List<User> users = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpUrl url = transport.url("api/users").newBuilder()
                    .addQueryParameter("disabled", Boolean.toString(disabled))
                    .addQueryParameter("page", Integer.toString(page)).addQueryParameter("page_size", "250").build();
            JsonNode listed = transport.get(url);
            // the list names each user's groups as {id, name}, as Redash's does; a single user as ids
            listed.path("results").forEach(user -> {
                if (user.path("groups") instanceof ArrayNode groups) {
                    var ids = groups.valueStream().map(g -> g.isObject() ? g.path("id") : g).toList();
                    groups.removeAll().addAll(ids);
                }
            });
            UserPage answer = SightlineClient.JSON.treeToValue(listed, UserPage.class);
            users.addAll(answer.results());
            if (answer.results().isEmpty() || users.size() >= answer.count()) {
                return users;
            }
        }
    }

    /** @param password null: the user cannot log in with a password, only with their API key */
    public User createUser(String name, String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        if (password != null) {
            body.put("password", password);
        }
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/users"), body), User.class);
    }

    /** @param changes Redash's fields to change: name, email, password, groups (ids); absent ones stay */
    public User updateUser(long id, Map<String, Object> changes) {
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/users/" + id), changes),
                User.class);
    }

    public User regenerateApiKey(long userId) {
        return SightlineClient.JSON.treeToValue(
                transport.post(transport.url("api/users/" + userId + "/regenerate_api_key"), Map.of()), User.class);
    }

    public User setUserDisabled(long userId, boolean disabled) {
        HttpUrl url = transport.url("api/users/" + userId + "/disable");
        JsonNode user = disabled ? transport.post(url, Map.of()) : transport.delete(url);
        return SightlineClient.JSON.treeToValue(user, User.class);
    }
}
