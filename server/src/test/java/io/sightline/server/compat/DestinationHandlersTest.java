package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.EmbeddedServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redash's tests/handlers/test_destinations.py over HTTP: the list, creating, reading, changing and deleting
 * destinations. Redash's tests of what each destination sends call its Python class with a mocked HTTP client;
 * what Sightline's send is followed through real receivers in {@code AlertDeliveryTest}. Sightline has one
 * organization, so the test of another organization's destinations has nothing to follow.
 */
class DestinationHandlersTest extends EmbeddedServerTest {

    private Member user;

    @BeforeEach
    void userOfTheDefaultGroup() {
        user = new AccessFixtures(api()).user("Subscriber");
    }

    // TestDestinationListResource

    @Test
    void getReturnsAllDestinations() {
        long first = created(slack("first"));
        long second = created(slack("second"));

        var listed = user.api().get("/api/destinations");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(d -> d.path("id").asLong())).contains(first, second);
    }

    /**
     * Redash's email destination holds only {@code addresses} and sends through the server's mail settings; so does
     * Sightline's without an SMTP {@code host} of its own. One with its own host needs its {@code from}.
     */
    @Test
    void postCreatesNewDestination() {
        var created = api().post("/api/destinations", email(AccessFixtures.unique("Test")));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("type").asString()).isEqualTo("email");
        assertThat(created.json().path("options").path("addresses").asString()).isEqualTo("test@example.com");

        var ownServer = api().post("/api/destinations", Map.of("name", AccessFixtures.unique("Own"), "type", "email",
                "options", Map.of("addresses", "test@example.com", "host", "127.0.0.1")));
        assertThat(ownServer.status()).as(ownServer.toString()).isEqualTo(400);
        assertThat(ownServer.message()).startsWith("'options.from' is required with 'options.host'");
    }

    @Test
    void anEmailDestinationWithoutItsOwnServerSendsThroughTheServersMailServer() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            long id = created(email(AccessFixtures.unique("Through the server")));

            var test = api().post("/api/destinations/" + id + "/test", Map.of());

            assertThat(test.json().path("ok").asBoolean()).as(test.toString()).isTrue();
            MimeMessage sent = mail.getReceivedMessages()[0];
            assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("test@example.com");
            assertThat(sent.getFrom()[0].toString()).isEqualTo(MAIL_FROM);
        } finally {
            mail.stop();
        }
    }

    @Test
    void postRequiresAdmin() {
        var created = user.api().post("/api/destinations", email(AccessFixtures.unique("Test")));

        assertThat(created.status()).as(created.toString()).isEqualTo(403);
    }

    @Test
    void returns400WhenNameAlreadyExists() {
        String name = AccessFixtures.unique("Taken");
        created(Map.of("name", name, "type", "slack", "options", Map.of("url", "https://hooks.slack.com/services/T0/B0/x")));

        var again = api().post("/api/destinations", Map.of("name", name, "type", "slack",
                "options", Map.of("url", "https://hooks.slack.com/services/T0/B0/y")));

        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(again.message()).contains("'name'").contains("already exists");
    }

    // TestDestinationResource

    @Test
    void get() {
        long id = created(slack("get"));

        var got = api().get("/api/destinations/" + id);

        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("id").asLong()).isEqualTo(id);
        assertThat(got.json().path("type").asString()).isEqualTo("slack");
    }

    @Test
    void delete() {
        long id = created(slack("delete"));

        var deleted = api().delete("/api/destinations/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api().get("/api/destinations/" + id).status()).isEqualTo(404);
    }

    /** Slack's URL is a secret in Sightline: it is stored as sent and shown masked (docs/api.md, "Destinations"). */
    @Test
    void post() {
        long id = created(slack("post"));
        String name = AccessFixtures.unique("updated");

        var updated = api().post("/api/destinations/" + id, Map.of("name", name, "type", "slack",
                "options", Map.of("url", "https://www.slack.com/updated")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        var got = api().get("/api/destinations/" + id).json();
        assertThat(got.path("name").asString()).isEqualTo(name);
        assertThat(got.path("options").path("url").asString()).isEqualTo("--------");
    }

    private static Map<String, Object> email(String name) {
        return Map.of("options", Map.of("addresses", "test@example.com"), "name", name, "type", "email");
    }

    private static Map<String, Object> slack(String name) {
        return Map.of("name", AccessFixtures.unique(name), "type", "slack",
                "options", Map.of("url", "https://hooks.slack.com/services/T0/B0/x"));
    }

    private long created(Map<String, Object> body) {
        var created = api().post("/api/destinations", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
