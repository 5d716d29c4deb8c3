package io.sightline.desktop.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Signing in and who is signed in ({@code /login...}, {@code /api/session}, {@code /api/login_methods}), over the
 * workbench's transport. Every method blocks: call it from a background task.
 */
public final class SessionClient {

    private final SightlineClient transport;

    public SessionClient(SightlineClient transport) {
        this.transport = transport;
    }

    public Session session() {
        JsonNode session = transport.get(transport.url("api/session"));
        JsonNode user = session.path("user");
        List<String> permissions = new ArrayList<>();
        user.path("permissions").forEach(p -> permissions.add(p.asString()));
        return new Session(user.path("id").asLong(), user.path("name").asString(), user.path("email").asString(),
                permissions, "", OrganizationSettingsClient.formatsOf(session.path("client_config")));
    }

    /**
     * Signs in with email and password, asking the server for a key of this sign-in ({@code issue_api_key}: the
     * server keeps only hashes of keys, so it hands one out once, in the login answer); the session is closed
     * again at once (with its CSRF token), so the workbench goes on with the key and stays stateless.
     *
     * @throws ApiException with {@link ApiException#refused()} when the email or password is wrong
     */
    public String logIn(String email, String password) {
        JsonNode answer;
        try {
            answer = transport.postInOwnSession(transport.url("login"),
                    Map.of("email", email, "password", password, "issue_api_key", true));
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw new ApiException(401, "Wrong email or password for " + transport.baseUrl() + ".");
            }
            throw e;
        }
        String key = answer.path("user").path("api_key").asString("");
        if (key.isBlank()) {
            throw new ApiException(0, "The server at " + transport.baseUrl() + " accepted the password but did not"
                    + " hand out an API key; sign in with your API key instead (it is on your profile page).");
        }
        return key;
    }

    /**
     * Trades the one-time code a single sign-on brought to the desktop's loopback for an API key of the user's own
     * ({@code POST /login/sso/desktop_key}); the code works once, within a minute, and only with {@code verifier}.
     */
    public String keyFromSingleSignOn(String code, String verifier) {
        JsonNode answer = transport.post(transport.url("login/sso/desktop_key"),
                Map.of("code", code, "code_verifier", verifier));
        String key = answer.path("user").path("api_key").asString("");
        if (key.isBlank()) {
            throw new ApiException(0, "The server at " + transport.baseUrl() + " finished the single sign-on but did"
                    + " not hand out an API key.");
        }
        return key;
    }

    /** Asked before anyone is signed in; a server without the endpoint offers the password only. */
    public LoginMethods loginMethods() {
        try {
            return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/login_methods")),
                    LoginMethods.class);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return LoginMethods.PASSWORD_ONLY;
            }
            throw e;
        }
    }
}
