package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /login} as Redash's login page sends it: a form with {@code email} and {@code password}, and the page
 * to go back to as {@code ?next=}. Scripts written against Redash's login (a session, then API calls) keep working.
 */
class LoginFormTest extends EmbeddedServerTest {

    private static final String PASSWORD = "form login password 0123456789";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build(); // follows no redirect

    @Test
    void aFormLoginGivesASessionAndTheSessionAnswer() throws Exception {
        String email = user();

        var login = form("/login", "email=" + encode(email) + "&password=" + encode(PASSWORD) + "&remember=on");

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(login.body()).path("user").path("email").asString()).isEqualTo(email);
        assertThat(get("/api/session").body()).contains(email);
    }

    @Test
    void aFormLoginWithNextRedirectsThereAsRedash() throws Exception {
        String email = user();

        var login = form("/login?next=" + encode("/queries/1?p_x=2"),
                "email=" + encode(email) + "&password=" + encode(PASSWORD));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/queries/1?p_x=2");
        assertThat(get("/api/session").statusCode()).isEqualTo(200);
    }

    @Test
    void nextIsNeverAnotherSite() throws Exception {
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            cookies.getCookieStore().removeAll(); // signed out: a login over a live session needs its CSRF token
            String email = user();
            var login = form("/login?next=" + encode(next), "email=" + encode(email) + "&password=" + encode(PASSWORD));
            assertThat(login.statusCode()).as(next).isEqualTo(200);
            assertThat(login.headers().firstValue("Location")).as(next).isEmpty();
        }
    }

    @Test
    void aWrongFormLoginIsTheSameRefusalAsAJsonOne() throws Exception {
        String email = user();

        var wrong = form("/login", "email=" + encode(email) + "&password=wrong");
        var missing = form("/login", "email=" + encode(email));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Api.JSON.readTree(wrong.body()).path("message").asString()).isEqualTo("Wrong email or password");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/session").statusCode()).isEqualTo(401);
    }

    private String user() {
        JsonNode user = new UserAdminSupport(api()).createUser("Form Login", PASSWORD);
        return user.path("email").asString();
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
