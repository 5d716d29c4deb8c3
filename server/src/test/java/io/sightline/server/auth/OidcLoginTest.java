package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.testidp.TestOpenIdProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect login against a real provider ({@link TestOpenIdProvider}, Spring Authorization Server in this JVM):
 * a browser (a cookie-keeping HTTP client) goes through the authorization-code flow, posts the provider's own login
 * form, and comes back signed in; the user is created at the first login in the Sightline groups their provider
 * groups map to, and follows the provider's groups at every login. Password login turned off answers 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginTest {

    static final String ADMIN_KEY = "oidc-admin-key-0123456789";
    static final String ADMIN_PASSWORD = "oidc admin password 4f2a";
    static final Path DATA_DIR = dataDir();
    static final TestOpenIdProvider PROVIDER = TestOpenIdProvider.start(List.of(
            new TestOpenIdProvider.Person("ada", "ada-Pw-1", "Ada.Lovelace@Example.COM", "Ada Lovelace"),
            new TestOpenIdProvider.Person("carl", "carl-Pw-2", "carl@example.com", "Carl Friedrich"),
            new TestOpenIdProvider.Person("dora", "dora-Pw-3", "dora@example.com", "Dora Desktop"),
            new TestOpenIdProvider.Person("eve", "eve-Pw-4", "eve@elsewhere.example.org", "Eve Elsewhere")));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sightline.data-dir", DATA_DIR::toString);
        registry.add("sightline.admin-api-key", () -> ADMIN_KEY);
        registry.add("sightline.admin-password", () -> ADMIN_PASSWORD);
        registry.add("sightline.database-url", () -> "");
        registry.add("sightline.redis-url", () -> "");
        registry.add("sightline.demo-data", () -> "never");
        registry.add("sightline.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("sightline.oidc.client-id", () -> TestOpenIdProvider.CLIENT_ID);
        // a reference, as an operator would give it: read from the test JVM's environment (server/pom.xml)
        registry.add("sightline.oidc.client-secret", () -> "env:SIGHTLINE_IT_OIDC_CLIENT_SECRET");
        registry.add("sightline.oidc.scopes", () -> "openid,email,profile");
        registry.add("sightline.oidc.groups-claim", () -> "groups");
        registry.add("sightline.oidc.group-mapping", () -> "idp-analysts=OIDC Analysts;idp-admins=admin,OIDC Admins");
        registry.add("sightline.oidc.name", () -> "Test IdP");
        registry.add("sightline.oidc.allowed-domains", () -> "Example.com, example.net");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    private final OidcBrowser browser = new OidcBrowser();

    private Api admin() {
        return new Api(port, ADMIN_KEY);
    }

    private String server(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void firstLoginCreatesTheUserInTheMappedGroupsAndGivesASession() throws Exception {
        PROVIDER.setGroups("ada", List.of("idp-analysts", "idp-unmapped"));

        OidcBrowser.End end = signIn("ada", "ada-Pw-1", "/login/sso?next=/dashboards/1-sales",
                location -> location.startsWith(server("/dashboards/")));
        assertThat(end.location()).as("back where the sign-in started").isEqualTo(server("/dashboards/1-sales"));

        var session = get(server("/api/session"));
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode user = Api.JSON.readTree(session.body()).path("user");
        assertThat(user.path("email").asString()).as("lower-cased").isEqualTo("ada.lovelace@example.com");
        assertThat(user.path("name").asString()).isEqualTo("Ada Lovelace");

        JsonNode created = userByEmail("ada.lovelace@example.com");
        assertThat(created.path("auth_type").asString()).isEqualTo("external");
        assertThat(groupNames(created)).containsExactlyInAnyOrder("default", "OIDC Analysts");
    }

    @Test
    void everyLoginFollowsTheProvidersGroupsForTheMappedGroupsOnly() throws Exception {
        PROVIDER.setGroups("carl", List.of("idp-analysts"));
        signIn("carl", "carl-Pw-2", "/login/sso", location -> location.equals(server("/login")));
        long id = userByEmail("carl@example.com").path("id").asLong();
        assertThat(groupNames(userByEmail("carl@example.com"))).containsExactlyInAnyOrder("default", "OIDC Analysts");
        long handGiven = admin().post("/api/groups", Map.of("name", "Given by hand")).json().path("id").asLong();
        assertThat(admin().post("/api/groups/" + handGiven + "/members", Map.of("user_id", id)).status()).isEqualTo(200);

        PROVIDER.setGroups("carl", List.of("idp-admins"));
        browser.forgetCookies();
        signIn("carl", "carl-Pw-2", "/login/sso", location -> location.equals(server("/login")));

        JsonNode again = userByEmail("carl@example.com");
        assertThat(again.path("id").asLong()).as("the same user, not a second one").isEqualTo(id);
        assertThat(groupNames(again)).containsExactlyInAnyOrder("default", "admin", "OIDC Admins", "Given by hand");
        var session = Api.JSON.readTree(get(server("/api/session")).body());
        assertThat(session.path("user").path("permissions").toString()).as("the mapped admin group applies")
                .contains("admin");
    }

    @Test
    void theDesktopGetsAOneTimeCodeOnItsLoopbackAndTradesItForAKey() throws Exception {
        PROVIDER.setGroups("dora", List.of());
        String verifier = "dora-desktop-verifier-0123456789-abcdefghijklmnop";
        String challenge = OidcDesktopCodes.challengeOf(verifier);
        String state = "state-of-the-desktop-42";
        OidcBrowser.End end = signIn("dora", "dora-Pw-3", "/login/sso?desktop_port=53682&desktop_state=" + state
                + "&desktop_challenge=" + challenge, location -> location.startsWith("http://127.0.0.1:53682/"));
        URI loopback = URI.create(end.location());
        assertThat(loopback.getPath()).isEqualTo("/sightline-sso");
        Map<String, String> query = query(loopback);
        assertThat(query.get("state")).isEqualTo(state);
        String code = query.get("code");

        var wrongVerifier = post(server("/login/sso/desktop_key"),
                "{\"code\":\"" + code + "\",\"code_verifier\":\"someone-else\"}");
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("sign in again");

        // a refused try spends the code too: sign in again for a fresh one
        end = signIn("dora", "dora-Pw-3", "/login/sso?desktop_port=53682&desktop_state=" + state
                + "&desktop_challenge=" + challenge, location -> location.startsWith("http://127.0.0.1:53682/"));
        code = query(URI.create(end.location())).get("code");
        var traded = post(server("/login/sso/desktop_key"),
                "{\"code\":\"" + code + "\",\"code_verifier\":\"" + verifier + "\"}");
        assertThat(traded.statusCode()).isEqualTo(200);
        String key = Api.JSON.readTree(traded.body()).path("user").path("api_key").asString();
        assertThat(new Api(port, key).get("/api/session").json().path("user").path("email").asString())
                .isEqualTo("dora@example.com");
        assertThat(post(server("/login/sso/desktop_key"),
                "{\"code\":\"" + code + "\",\"code_verifier\":\"" + verifier + "\"}").statusCode())
                .as("a code works once").isEqualTo(400);
    }

    @Test
    void loginMethodsListTheProviderAndPasswordLoginTurnedOffAnswers403() throws Exception {
        JsonNode methods = anonymous("/api/login_methods");
        assertThat(methods.path("password").asBoolean()).isTrue();
        assertThat(methods.path("sso").get(0).path("name").asString()).isEqualTo("Test IdP");
        assertThat(methods.path("sso").get(0).path("url").asString()).isEqualTo("/login/sso");

        assertThat(admin().post("/api/settings/organization", Map.of("auth_password_login_enabled", false)).status())
                .isEqualTo(200);
        try {
            var refused = post(server("/login"),
                    "{\"email\":\"admin@sightline.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Password login is turned off");
            assertThat(anonymous("/api/login_methods").path("password").asBoolean()).isFalse();
            assertThat(admin().get("/api/session").status()).as("API keys still work").isEqualTo(200);
        } finally {
            admin().post("/api/settings/organization", Map.of("auth_password_login_enabled", true));
        }
        assertThat(post(server("/login"), "{\"email\":\"admin@sightline.local\",\"password\":\"" + ADMIN_PASSWORD
                + "\"}").statusCode()).as("on again").isEqualTo(200);
    }

    @Test
    void anAddressOutsideTheAllowedDomainsIsRefusedWithA403SayingWhyAndNoUserIsCreated() throws Exception {
        PROVIDER.setGroups("eve", List.of("idp-admins"));
        var refused = signInUntilRefused("eve", "eve-Pw-4");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("elsewhere.example.org may not sign in");
        assertThat(get(server("/api/session")).statusCode()).isEqualTo(401);
        assertThat(admin().get("/api/users?page_size=250").json().toString()).doesNotContain("eve@");
    }

    /** The flow up to the server's answer on the provider's return (a refusal there is no redirect). */
    private HttpResponse<String> signInUntilRefused(String username, String password) throws Exception {
        try {
            signIn(username, password, "/login/sso", location -> false);
            throw new AssertionError("signed in");
        } catch (OidcBrowser.RefusedAt refusal) {
            return refusal.response;
        }
    }


    @Test
    void aWrongDesktopStartIsA400NamingTheProblem() throws Exception {
        var partial = get(server("/login/sso?desktop_port=53682"));
        assertThat(partial.statusCode()).isEqualTo(400);
        assertThat(partial.body()).contains("desktop_state");
        var badPort = get(server("/login/sso?desktop_port=80&desktop_state=state-of-the-desktop-42&desktop_challenge="
                + OidcDesktopCodes.challengeOf("x")));
        assertThat(badPort.statusCode()).isEqualTo(400);
        assertThat(badPort.body()).contains("desktop_port");
    }

    /** The flow from {@code start} on this server, as {@link OidcBrowser#signIn} follows it. */
    private OidcBrowser.End signIn(String username, String password, String start, Predicate<String> end)
            throws Exception {
        return browser.signIn(server(start), username, password, end);
    }


    private HttpResponse<String> get(String url) throws Exception {
        return browser.get(url);
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode anonymous(String path) {
        return new Api(port, null).get(path).json();
    }

    private JsonNode userByEmail(String email) {
        for (JsonNode user : admin().get("/api/users?page_size=250").json().path("results")) {
            if (user.path("email").asString().equals(email)) {
                return admin().get("/api/users/" + user.path("id").asLong()).json();
            }
        }
        throw new AssertionError("No user " + email);
    }

    private List<String> groupNames(JsonNode user) {
        List<String> names = new ArrayList<>();
        user.path("groups").forEach(group -> names.add(group.isObject() ? group.path("name").asString()
                : admin().get("/api/groups/" + group.asLong()).json().path("name").asString()));
        return names;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("sightline-oidc-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
