package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.SightlineServer;
import io.sightline.server.support.Api;
import io.sightline.testidp.TestOpenIdProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OpenID Connect sign-in with two API replicas in one JVM on one PostgreSQL metadata database and one real provider
 * ({@link TestOpenIdProvider}), as behind a load balancer without sticky sessions: a browser signs in through the
 * provider on replica A and goes on on replica B; the desktop's one-time code issued by A is redeemed on B, once.
 */
class OidcAcrossReplicasTest {

    private static final String DATABASE = "sightline_it_oidc_replicas";
    private static final String ADMIN_KEY = "oidc-replicas-admin-key-0123456789";
    private static final String VERIFIER = "replica-desktop-verifier-0123456789-abcdefghijklm";

    private static TestOpenIdProvider provider;
    private static ConfigurableApplicationContext replicaA;
    private static ConfigurableApplicationContext replicaB;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void start() throws Exception {
        recreateDatabase();
        provider = TestOpenIdProvider.start(List.of(
                new TestOpenIdProvider.Person("rita", "rita-Pw-1", "rita@example.com", "Rita Replica"),
                new TestOpenIdProvider.Person("dan", "dan-Pw-2", "dan@example.com", "Dan Desktop")));
        replicaA = replica();
        replicaB = replica();
        portA = port(replicaA);
        portB = port(replicaB);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {replicaB, replicaA, provider}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the others still stop
            }
        }
    }

    private static ConfigurableApplicationContext replica() throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("sightline.data-dir", Files.createTempDirectory("sightline-oidc-replica-").toString());
        properties.put("sightline.database-url", "postgresql://postgres@127.0.0.1:5432/" + DATABASE);
        properties.put("sightline.redis-url", "");
        properties.put("sightline.admin-api-key", ADMIN_KEY);
        properties.put("sightline.demo-data", "never");
        properties.put("sightline.metadata-probe.timeout", "10s");
        properties.put("sightline.metadata-pool.connection-timeout", "10s");
        properties.put("sightline.oidc.issuer-uri", provider.issuer());
        properties.put("sightline.oidc.client-id", TestOpenIdProvider.CLIENT_ID);
        properties.put("sightline.oidc.client-secret", "env:SIGHTLINE_IT_OIDC_CLIENT_SECRET");
        properties.put("sightline.oidc.scopes", "openid,email,profile");
        properties.put("sightline.oidc.name", "Test IdP");
        return new SpringApplicationBuilder(SightlineServer.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    }

    private static void recreateDatabase() {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("This test needs PostgreSQL on 127.0.0.1:5432: " + e.getMessage(), e);
        }
    }

    @Test
    void aBrowserSignedInThroughTheProviderOnOneReplicaIsSignedInOnTheOther() throws Exception {
        var browser = new OidcBrowser();
        browser.signIn(server(portA, "/login/sso"), "rita", "rita-Pw-1", location -> location.equals(server(portA, "/login")));

        var there = browser.get(server(portB, "/api/session"));
        assertThat(there.statusCode()).as(there.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(there.body()).path("user").path("email").asString())
                .isEqualTo("rita@example.com");
        assertThat(new OidcBrowser().get(server(portB, "/api/session")).statusCode()).as("another browser is not")
                .isEqualTo(401);
    }

    @Test
    void theProvidersReturnReachingTheOtherReplicaFinishesTheSignInThere() throws Exception {
        var browser = new OidcBrowser();
        // the balancer sends the provider's return to B: the sign-in started on A is in the shared session
        String returnOnA = server(portA, "/login/oauth2/code/");
        browser.rerouteRedirects(location -> location.startsWith(returnOnA)
                ? server(portB, location.substring(server(portA, "").length())) : location);
        browser.signIn(server(portA, "/login/sso"), "rita", "rita-Pw-1", location -> location.equals(server(portB, "/login")));

        var here = browser.get(server(portA, "/api/session"));
        assertThat(here.statusCode()).as(here.body()).isEqualTo(200);
        assertThat(here.body()).contains("rita@example.com");
    }

    @Test
    void aDesktopCodeIssuedOnOneReplicaIsRedeemedOnTheOtherOnceAndOnlyItsHashIsStored() throws Exception {
        String code = desktopCode();
        JdbcClient jdbc = replicaB.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desktop_sign_in_codes WHERE code_hash = ?").param(code)
                .query(Long.class).single()).as("the code itself is not in the store").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desktop_sign_in_codes WHERE code_hash = ?")
                .param(OidcDesktopCodes.challengeOf(code)).query(Long.class).single()).isEqualTo(1);

        var traded = redeem(portB, code, VERIFIER);
        assertThat(traded.statusCode()).as(traded.body()).isEqualTo(200);
        String key = Api.JSON.readTree(traded.body()).path("user").path("api_key").asString();
        assertThat(new Api(portA, key).get("/api/session").json().path("user").path("email").asString())
                .isEqualTo("dan@example.com");

        var again = redeem(portB, code, VERIFIER);
        assertThat(again.statusCode()).as("a code works once").isEqualTo(400);
        assertThat(again.body()).contains("sign in again");
        assertThat(redeem(portA, code, VERIFIER).statusCode()).as("nor on the replica that issued it").isEqualTo(400);
    }

    @Test
    void ofConcurrentRedeemsOnBothReplicasExactlyOneGetsAKey() throws Exception {
        String code = desktopCode();
        int tries = 8;
        var ready = new CountDownLatch(tries);
        var pool = Executors.newFixedThreadPool(tries);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                int port = i % 2 == 0 ? portA : portB;
                answers.add(pool.submit((Callable<Integer>) () -> {
                    ready.countDown();
                    ready.await();
                    return redeem(port, code, VERIFIER).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("one key, the rest refused").containsOnly(200, 400);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongVerifierSpendsTheCodeAndExpiredCodesAreRefusedAndCleanedUp() throws Exception {
        String spent = desktopCode();
        assertThat(redeem(portB, spent, "someone-elses-verifier").statusCode()).isEqualTo(400);
        assertThat(redeem(portA, spent, VERIFIER).statusCode()).as("spent by the wrong verifier").isEqualTo(400);

        String late = desktopCode();
        JdbcClient jdbc = replicaA.getBean(JdbcClient.class);
        String hash = OidcDesktopCodes.challengeOf(late);
        jdbc.sql("UPDATE desktop_sign_in_codes SET expires_at = expires_at - 61000 WHERE code_hash = ?").param(hash)
                .update();
        // what the clean-up (every minute, on every replica) runs
        assertThat(replicaB.getBean(OidcDesktopCodes.class).deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desktop_sign_in_codes WHERE code_hash = ?").param(hash)
                .query(Long.class).single()).isZero();
        assertThat(redeem(portB, late, VERIFIER).statusCode()).isEqualTo(400);

        String expiredNotYetCleaned = desktopCode();
        jdbc.sql("UPDATE desktop_sign_in_codes SET expires_at = expires_at - 61000 WHERE code_hash = ?")
                .param(OidcDesktopCodes.challengeOf(expiredNotYetCleaned)).update();
        assertThat(redeem(portB, expiredNotYetCleaned, VERIFIER).statusCode()).as("60 s and no more").isEqualTo(400);
    }

    /** A new desktop code for dan, from a sign-in through the provider on replica A. */
    private static String desktopCode() throws Exception {
        String challenge = OidcDesktopCodes.challengeOf(VERIFIER);
        String location = new OidcBrowser().signIn(server(portA, "/login/sso?desktop_port=53682"
                + "&desktop_state=state-of-the-desktop-77&desktop_challenge=" + challenge), "dan", "dan-Pw-2",
                at -> at.startsWith("http://127.0.0.1:53682/")).location();
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        assertThat(query.get("state")).isEqualTo("state-of-the-desktop-77");
        return query.get("code");
    }

    private static HttpResponse<String> redeem(int port, String code, String verifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server(port, "/login/sso/desktop_key")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Api.JSON.writeValueAsString(Map.of("code", code, "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String server(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
