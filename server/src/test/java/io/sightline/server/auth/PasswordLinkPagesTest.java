package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.system.ServerSecret;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The invitation and reset pages over plain HTTP: the form's post is taken only with the CSRF token of the page's
 * cookie; an expired, forged or other-purpose link, or one of a disabled user, is refused like a used one.
 */
class PasswordLinkPagesTest extends EmbeddedServerTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ServerSecret secret;
    @Autowired
    private UserRepository users;

    @Test
    void aPostWithoutThePagesCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        JsonNode ivy = invite();
        String path = pathOf(ivy.path("invite_link").asString());
        var page = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("form-action 'self'");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow().split(";")[0];
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();

        var forged = post(path, "password=mallory-chose-this", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(PasswordLinkPageController.STALE_FORM);
        var wrongToken = post(path, "password=mallory-chose-this&_csrf=other", cookie);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(pending(ivy)).isTrue();

        var accepted = post(path, "password=ivy-chose-this&_csrf=" + enc(token.group(1)), cookie);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(pending(ivy)).isFalse();
        var again = post(path, "password=someone-else-now&_csrf=" + enc(token.group(1)), cookie);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains(PasswordLinkPageController.INVALID);
    }

    @Test
    void expiredForgedAndOtherPurposeLinksAreRefused() throws Exception {
        JsonNode ivy = invite();
        UserRecord asMade = users.findById(ivy.path("id").asLong()).orElseThrow();
        var eightDaysAgo = new UserLinks(secret, Clock.fixed(Instant.now().minus(java.time.Duration.ofDays(8)),
                ZoneOffset.UTC));
        assertThat(get("/invite/" + eightDaysAgo.token(asMade, UserLinks.Purpose.INVITE)).statusCode()).isEqualTo(400);

        String token = pathOf(ivy.path("invite_link").asString()).substring("/invite/".length());
        assertThat(get("/invite/" + token).statusCode()).isEqualTo(200);
        assertThat(get("/reset/" + token).statusCode()).isEqualTo(400);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(get("/invite/" + forged).statusCode()).isEqualTo(400);
        assertThat(get("/invite/not-a-token").body()).contains(PasswordLinkPageController.INVALID);

        api().post("/api/users/" + ivy.path("id").asLong() + "/disable", Map.of());
        assertThat(get("/invite/" + token).statusCode()).isEqualTo(400);
    }

    @Test
    void anInvitationOfAUserWithAPasswordIsRefused() throws Exception {
        JsonNode alice = new UserAdminSupport(api()).createUser("Alice", "alice-secret");
        String link = api().post("/api/users/" + alice.path("id").asLong() + "/invite", Map.of()).json()
                .path("invite_link").asString();
        var page = get(pathOf(link));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains(PasswordLinkPageController.INVALID);
    }

    private JsonNode invite() {
        String email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return api().post("/api/users", Map.of("name", "Ivy", "email", email)).json();
    }

    private boolean pending(JsonNode user) {
        return api().get("/api/users/" + user.path("id").asLong()).json().path("is_invitation_pending").asBoolean();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        var builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pathOf(String link) {
        return URI.create(link).getPath();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
