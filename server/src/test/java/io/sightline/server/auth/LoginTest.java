package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Password login gives a session cookie that works instead of an API key, until logout; the login methods are
 * public so a sign-in screen can ask for them.
 */
class LoginTest extends EmbeddedServerTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, null);
    }

    private HttpResponse<String> send(String method, String path, String json, String xsrf) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        request
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionCookieAuthenticatesUntilLogout() throws Exception {
        assertThat(send("GET", "/api/session", null).statusCode()).isEqualTo(401);

        var login = send("POST", "/login", "{\"email\":\"admin@sightline.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).as("the session cookie, beside the CSRF token's")
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).singleElement().asString()
                .contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        var session = send("GET", "/api/session", null);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("admin@sightline.local");

        assertThat(send("POST", "/logout", null, xsrfToken()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/session", null).statusCode()).isEqualTo(401);
    }

    @Test
    void passwordLoginAskedForAKeyHandsOutANewKeyOnceSoAClientCanGoOnWithoutASession() throws Exception {
        var login = send("POST", "/login", "{\"email\":\"admin@sightline.local\",\"password\":\"" + ADMIN_PASSWORD
                + "\",\"issue_api_key\":true}");
        String key = Api.JSON.readTree(login.body()).path("user").path("api_key").asString();
        assertThat(key).hasSize(40).isNotEqualTo(ADMIN_KEY);
        assertThat(send("GET", "/api/session", null).body()).doesNotContain("api_key");
        send("POST", "/logout", null, xsrfToken());

        var withKey = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/session")).header("Authorization", "Key " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.body()).contains("admin@sightline.local").doesNotContain("api_key");
        assertThat(api().get("/api/session").status()).as("the admin's own key still works").isEqualTo(200);
    }

    @Test
    void plainPasswordLoginShowsNoKey() throws Exception {
        var login = send("POST", "/login", "{\"email\":\"admin@sightline.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("api_key");
    }

    @Test
    void anApiKeyRequestGetsNoSession() throws Exception {
        var withKey = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/data_sources")).header("Authorization", "Key " + ADMIN_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void tellsAnyoneWhichLoginMethodsTheServerOffers() throws Exception {
        var methods = send("GET", "/api/login_methods", null);
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(methods.body()).isEqualTo("{\"password\":true,\"sso\":[]}");
    }

    @Test
    void wrongPasswordIsRejectedWithoutSayingWhichPartWasWrong() throws Exception {
        var login = send("POST", "/login", "{\"email\":\"admin@sightline.local\",\"password\":\"nope\"}");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("Wrong email or password");
        var unknown = send("POST", "/login", "{\"email\":\"nobody@example.com\",\"password\":\"nope\"}");
        assertThat(unknown.body()).contains("Wrong email or password");
    }

    @Test
    void loginNeedsBothFields() throws Exception {
        var login = send("POST", "/login", "{\"email\":\"admin@sightline.local\"}");
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.body()).contains("'email' and 'password' are required");
    }
}
