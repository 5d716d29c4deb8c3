package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The security rules fail closed (issue 8, hole 8): a path no rule names is refused, while what must stay open
 * without credentials (ping, health, metrics, signing in) does.
 */
class SecurityRulesTest extends EmbeddedServerTest {

    @Test
    void refusesPathsNoRuleNamesToAnonymousCallers() {
        for (String path : new String[] {"/actuator/info", "/actuator", "/no-such-page", "/error"}) {
            var response = anonymous().get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(401);
            assertThat(response.message()).as(path).contains("Authentication required");
        }
    }

    @Test
    void refusesPathsNoRuleNamesEvenToAnAdminNamingTheRequest() {
        var response = api().get("/actuator/info");
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.message()).contains("GET /actuator/info").contains("no rule allows it");
        var post = api().post("/no-such-page", Map.of());
        assertThat(post.status()).as(post.toString()).isEqualTo(403);
        assertThat(post.message()).contains("POST /no-such-page");
    }

    @Test
    void keepsPingHealthMetricsAndSigningInOpen() {
        for (String path : new String[] {"/ping", "/actuator/health", "/actuator/health/liveness",
                "/actuator/prometheus", "/api/login_methods"}) {
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(200);
        }
        var login = anonymous().post("/login", Map.of());
        assertThat(login.status()).as("reaches the login, which asks for what is missing: " + login).isEqualTo(400);
        assertThat(anonymous().post("/logout", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsStayNotFoundForSignedInCallers() {
        assertThat(api().get("/api/no-such-thing").status()).isEqualTo(404);
        assertThat(anonymous().get("/api/no-such-thing").status()).isEqualTo(401);
    }
}
