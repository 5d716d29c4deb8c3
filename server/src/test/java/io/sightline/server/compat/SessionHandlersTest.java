package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import org.junit.jupiter.api.Test;

/**
 * The one test of Redash's tests/handlers/test_authentication.py that calls {@code /api/} ({@code TestSession});
 * the others are of its server-rendered login, invitation and reset pages. Redash's tests run with several
 * organizations, hence its {@code /default/api/session}; Sightline has one, at {@code /api/session}.
 */
class SessionHandlersTest extends EmbeddedServerTest {

    @Test
    void get() {
        Member user = new AccessFixtures(api()).user("Session");

        var session = user.api().get("/api/session");

        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json().path("user").path("id").asLong()).isEqualTo(user.id());
        assertThat(session.json().path("org_slug").asString()).isEqualTo("default");
    }
}
