package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.SightlineServer;
import io.sightline.server.support.Api;
import io.sightline.server.support.PostgresMetadataServerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two API replicas in one JVM on one PostgreSQL metadata database, as behind a load balancer without sticky sessions:
 * a browser signs in on one and goes on on the other; logging out or changing the password on one ends the session
 * on the other at once.
 */
class SessionsAcrossReplicasTest extends PostgresMetadataServerTest {

    private static ConfigurableApplicationContext second;
    private static int secondPort;

    /**
     * Started once the first replica's context exists: that context makes the metadata database afresh (or reuses
     * the one it made), and a replica started before it would find none, or lose its database under it.
     */
    @BeforeEach
    void secondReplica() {
        if (second != null) {
            return;
        }
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "sightline.data-dir", tempDir(),
                "sightline.database-url", "postgresql://postgres@127.0.0.1:5432/" + DATABASE,
                "sightline.redis-url", "",
                "sightline.admin-api-key", ADMIN_KEY);
        second = new SpringApplicationBuilder(SightlineServer.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("sightline-replica-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    /** A browser: its cookies go to both replicas (a cookie is per host, not per port), as through one balancer. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> send(int port, String method, String path, Object body) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
            String token = cookie("XSRF-TOKEN");
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(int port, String email, String password) throws Exception {
            var response = send(port, "POST", "/login", Map.of("email", email, "password", password));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response;
        }

        HttpResponse<String> session(int port) throws Exception {
            return send(port, "GET", "/api/session", null);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .findFirst().map(java.net.HttpCookie::getValue).orElse(null);
        }
    }

    private JsonNode user(String name, String password) {
        return new UserAdminSupport(api()).createUser(name, password);
    }

    @Test
    void aSessionMadeOnOneReplicaIsGoodOnTheOtherForReadsAndCsrfCheckedChanges() throws Exception {
        JsonNode alice = user("Alice", "alice-secret-1");
        var browser = new Browser();
        browser.login(port, alice.path("email").asString(), "alice-secret-1");

        var there = browser.session(secondPort);
        assertThat(there.statusCode()).as(there.body()).isEqualTo(200);
        assertThat(there.body()).contains(alice.path("email").asString());

        String path = "/api/users/" + alice.path("id").asLong();
        var renamed = browser.send(secondPort, "POST", path, Map.of("name", "Alice Replica"));
        assertThat(renamed.statusCode()).as("a change on the other replica with the token: " + renamed.body())
                .isEqualTo(200);
        var forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + secondPort + path))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no CSRF token: refused on the other replica too").isEqualTo(403);
        assertThat(browser.session(port).body()).contains("Alice Replica");
    }

    @Test
    void loggingOutOnOneReplicaEndsTheSessionOnTheOther() throws Exception {
        JsonNode bob = user("Bob", "bob-secret-12");
        var browser = new Browser();
        browser.login(port, bob.path("email").asString(), "bob-secret-12");
        String sessionId = browser.cookie("JSESSIONID");
        assertThat(browser.session(secondPort).statusCode()).isEqualTo(200);

        assertThat(browser.send(secondPort, "POST", "/logout", null).statusCode()).isEqualTo(200);

        var replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/session")).header("Cookie", "JSESSIONID=" + sessionId).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the session logged out on the other replica: " + replayed.body())
                .isEqualTo(401);
    }

    @Test
    void aPasswordChangeOnOneReplicaEndsTheUsersOtherSessionsOnTheOtherAtOnce() throws Exception {
        JsonNode carol = user("Carol", "carol-secret-1");
        String email = carol.path("email").asString();
        var laptop = new Browser();
        var phone = new Browser();
        laptop.login(port, email, "carol-secret-1");
        phone.login(secondPort, email, "carol-secret-1");
        assertThat(phone.session(port).statusCode()).isEqualTo(200);
        // the other replica has seen the phone's session and its user: its short user cache is warm
        assertThat(phone.session(secondPort).statusCode()).isEqualTo(200);

        var changed = laptop.send(port, "POST", "/api/users/" + carol.path("id").asLong(),
                Map.of("password", "carol-secret-2", "old_password", "carol-secret-1"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        var ended = phone.session(secondPort);
        assertThat(ended.statusCode()).as("the phone's session, on the other replica, right away: " + ended.body())
                .isEqualTo(401);
        assertThat(ended.body()).contains("password or email was changed");
        assertThat(laptop.session(secondPort).statusCode()).as("the session that changed the password goes on")
                .isEqualTo(200);
        assertThat(new Browser().send(secondPort, "POST", "/login",
                Map.of("email", email, "password", "carol-secret-1")).statusCode()).isEqualTo(401);
    }

    @Test
    void anIdleSessionEndsOnEveryReplicaAndIsDeletedFromTheStore() throws Exception {
        JsonNode dave = user("Dave", "dave-secret-12");
        var browser = new Browser();
        browser.login(port, dave.path("email").asString(), "dave-secret-12");
        new Browser().login(secondPort, dave.path("email").asString(), "dave-secret-12"); // never comes back
        var jdbc = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String principal = "user:" + dave.path("id").asLong();
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(principal).query(Integer.class).list()).as("the configured idle timeout").containsExactly(1800, 1800);

        // 31 minutes without a request
        long idle = java.time.Duration.ofMinutes(31).toMillis();
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ?"
                + " WHERE principal_name = ?").params(idle, idle, principal).update();
        assertThat(browser.session(secondPort).statusCode()).isEqualTo(401);
        assertThat(browser.session(port).statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(principal)
                .query(Long.class).single()).as("the session no request came back with").isEqualTo(1);
        // what the scheduled clean-up (every minute, on every replica) runs
        second.getBean(org.springframework.session.jdbc.JdbcIndexedSessionRepository.class).cleanUpExpiredSessions();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(principal)
                .query(Long.class).single()).isZero();
    }
}
