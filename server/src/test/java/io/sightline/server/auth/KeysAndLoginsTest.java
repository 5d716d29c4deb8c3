package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import io.sightline.server.support.ApiKeyHash;
import io.sightline.server.support.EmbeddedServerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8, holes 7 and 9: keys stored as hashes and shown once, {@code ?api_key=} only on result reads, login
 * throttling and equal work for unknown accounts, the current password for password/email changes, a password
 * change ending other sessions, CSRF tokens for cookie calls, Secure cookies behind TLS, fresh sessions on login.
 * Each test logs in from a client address of its own (X-Forwarded-For from loopback is believed), so the
 * throttling of one cannot refuse another's logins.
 */
class KeysAndLoginsTest extends EmbeddedServerTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    JdbcClient jdbc;

    private UserAdminSupport support() {
        return new UserAdminSupport(api());
    }

    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.88." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A browser: keeps cookies, comes from one client address. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String email, String password, String... headers) throws Exception {
            return send("POST", "/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", headers);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .findFirst().map(java.net.HttpCookie::getValue).orElse(null);
        }

        /** A state change with the CSRF token, as the web viewer sends it. */
        HttpResponse<String> post(String path, Object body) throws Exception {
            return send("POST", path, Api.JSON.writeValueAsString(body), "X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
    }

    private JsonNode userWithPassword(String name, String password) {
        return support().createUser(name, password);
    }

    @Test
    void storesOnlyTheHashOfAUsersKey() {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        String key = alice.path("api_key").asString();
        String stored = jdbc.sql("SELECT api_key_hash FROM users WHERE id = ?").param(alice.path("id").asLong())
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeyHash.of(key)).isNotEqualTo(key);
        assertThat(support().as(alice).get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void acceptsAKeyInTheUrlOnlyOnResultReads() throws Exception {
        var resultRead = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/query_results/987654321.json?api_key=" + ADMIN_KEY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resultRead.statusCode()).as(resultRead.body()).isEqualTo(404); // authenticated; no such result
        assertThat(resultRead.headers().allValues("Set-Cookie")).as("a key request binds no session").isEmpty();
        assertThat(anonymous().get("/api/queries/987654321/results.csv?api_key=" + ADMIN_KEY).status()).isEqualTo(404);

        var elsewhere = anonymous().get("/api/queries?api_key=" + ADMIN_KEY);
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(elsewhere.message()).contains("Authorization: Key");
        var write = anonymous().post("/api/query_results?api_key=" + ADMIN_KEY, Map.of("query", "SELECT 1"));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.message()).contains("?api_key= is accepted only on GET");
    }

    @Test
    void locksAnAccountAfterTenFailedLoginsEvenForTheRightPassword() throws Exception {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        String email = alice.path("email").asString();
        var browser = new Browser(newAddress());
        for (int i = 0; i < 10; i++) {
            assertThat(browser.login(email, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        var locked = new Browser(newAddress()).login(email, "alice-secret");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins for this account");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(support().as(alice).get("/api/session").status()).as("the API key still works").isEqualTo(200);
    }

    @Test
    void locksAClientAddressAfterThirtyFailedLoginsAcrossAccounts() throws Exception {
        JsonNode bob = userWithPassword("Bob", "bob-secret");
        var attacker = new Browser(newAddress());
        for (int i = 0; i < 30; i++) {
            assertThat(attacker.login("nobody-" + i + "-" + UUID.randomUUID() + "@example.com", "guess").statusCode())
                    .isEqualTo(401);
        }
        var locked = attacker.login(bob.path("email").asString(), "bob-secret");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins from your address");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(new Browser(newAddress()).login(bob.path("email").asString(), "bob-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAndDisabledAccountsCostAsMuchPasswordWorkAsRealOnes() throws Exception {
        JsonNode carol = userWithPassword("Carol", "carol-secret");
        JsonNode dave = userWithPassword("Dave", "dave-secret");
        api().post("/api/users/" + dave.path("id").asLong() + "/disable", Map.of());
        var browser = new Browser(newAddress());
        browser.login("warm-up@example.com", "x");
        long real = medianNanos(() -> browser.login(carol.path("email").asString(), "wrong"));
        long unknown = medianNanos(() -> browser.login("nobody-" + UUID.randomUUID() + "@example.com", "wrong"));
        long disabled = medianNanos(() -> browser.login(dave.path("email").asString(), "dave-secret"));
        // bcrypt takes tens of milliseconds; answering without it takes about one
        assertThat(unknown).as("unknown %d ns vs real %d ns", unknown, real).isGreaterThan(real / 3);
        assertThat(disabled).as("disabled %d ns vs real %d ns", disabled, real).isGreaterThan(real / 3);
    }

    private interface Call {
        HttpResponse<String> run() throws Exception;
    }

    private static long medianNanos(Call call) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(call.run().statusCode()).isEqualTo(401);
            times.add(System.nanoTime() - start);
        }
        times.sort(null);
        return times.get(2);
    }

    @Test
    void changingOwnPasswordOrEmailNeedsTheCurrentPassword() {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        var asAlice = support().as(alice);
        String path = "/api/users/" + alice.path("id").asLong();

        var missing = asAlice.post(path, Map.of("password", "new-secret"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.message()).contains("'old_password'");
        var wrong = asAlice.post(path, Map.of("password", "new-secret", "old_password", "guess"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.message()).contains("'old_password'");
        var email = asAlice.post(path, Map.of("email", "taken-over-" + UUID.randomUUID() + "@example.com"));
        assertThat(email.status()).isEqualTo(403);
        assertThat(email.message()).contains("'old_password'");

        assertThat(asAlice.post(path, Map.of("password", "new-secret", "old_password", "alice-secret")).status())
                .isEqualTo(200);
        assertThat(asAlice.post(path, Map.of("name", "Alice L.")).status()).as("a name needs no password").isEqualTo(200);
        assertThat(api().post(path, Map.of("password", "admin-set")).status()).as("an admin resets it").isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeLogins() throws Exception {
        JsonNode erin = userWithPassword("Erin", "erin-secret");
        var browser = new Browser(newAddress());
        String path = "/api/users/" + erin.path("id").asLong();
        String key = erin.path("api_key").asString();
        for (int i = 0; i < 10; i++) {
            assertThat(browser.send("POST", path, "{\"password\":\"taken-over\",\"old_password\":\"guess-" + i + "\"}",
                    "Authorization", "Key " + key).statusCode()).isEqualTo(403);
        }
        var locked = browser.send("POST", path, "{\"password\":\"taken-over\",\"old_password\":\"erin-secret\"}",
                "Authorization", "Key " + key);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins for this account");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndLoginKeysButNotTheUsersKey() throws Exception {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        String email = alice.path("email").asString();
        var here = new Browser(newAddress());
        var elsewhere = new Browser(newAddress());
        assertThat(here.login(email, "alice-secret").statusCode()).isEqualTo(200);
        assertThat(elsewhere.login(email, "alice-secret").statusCode()).isEqualTo(200);
        var desktop = new Browser(newAddress()).send("POST", "/login",
                "{\"email\":\"" + email + "\",\"password\":\"alice-secret\",\"issue_api_key\":true}");
        String loginKey = Api.JSON.readTree(desktop.body()).path("user").path("api_key").asString();
        assertThat(api().withKey(loginKey).get("/api/session").status()).isEqualTo(200);

        var changed = here.post("/api/users/" + alice.path("id").asLong(),
                Map.of("password", "new-secret", "old_password", "alice-secret"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(here.send("GET", "/api/session", null).statusCode()).as("the changing session goes on").isEqualTo(200);
        var ended = elsewhere.send("GET", "/api/session", null);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("password or email was changed");
        assertThat(api().withKey(loginKey).get("/api/session").status()).as("a login key ends").isEqualTo(401);
        assertThat(support().as(alice).get("/api/session").status()).as("the user's API key works").isEqualTo(200);
    }

    @Test
    void aCookieCallThatChangesSomethingNeedsTheCsrfToken() throws Exception {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        var browser = new Browser(newAddress());
        browser.login(alice.path("email").asString(), "alice-secret");
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
        String path = "/api/users/" + alice.path("id").asLong();

        var forged = browser.send("POST", path, "{\"name\":\"Forged\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-XSRF-TOKEN");
        var wrongToken = browser.send("POST", path, "{\"name\":\"Forged\"}", "X-XSRF-TOKEN", "guess");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.post(path, Map.of("name", "Alice T.")).statusCode()).isEqualTo(200);
        assertThat(support().as(alice).post(path, Map.of("name", "Alice K.")).status())
                .as("a key call needs no token").isEqualTo(200);
    }

    @Test
    void cookiesAreSecureWhenAProxySaysTheRequestCameOverTls() throws Exception {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        var overTls = new Browser(newAddress()).login(alice.path("email").asString(), "alice-secret",
                "X-Forwarded-Proto", "https");
        assertThat(overTls.headers().allValues("Set-Cookie")).hasSize(2).allMatch(c -> c.contains("Secure"));
        var plain = new Browser(newAddress()).login(alice.path("email").asString(), "alice-secret");
        assertThat(plain.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void loggingInAsAnotherUserNeverReusesTheSession() throws Exception {
        JsonNode alice = userWithPassword("Alice", "alice-secret");
        JsonNode bob = userWithPassword("Bob", "bob-secret");
        var browser = new Browser(newAddress());
        browser.login(alice.path("email").asString(), "alice-secret");
        String aliceSession = browser.cookie("JSESSIONID");

        var asBob = browser.login(bob.path("email").asString(), "bob-secret", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
        assertThat(asBob.statusCode()).as(asBob.body()).isEqualTo(200);
        assertThat(browser.cookie("JSESSIONID")).isNotEqualTo(aliceSession);
        assertThat(browser.send("GET", "/api/session", null).body()).contains(bob.path("email").asString());

        var replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/session")).header("Cookie", "JSESSIONID=" + aliceSession).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the old session id is dead").isEqualTo(401);
    }
}
