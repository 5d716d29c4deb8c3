package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/destinations}: types with schemas, secrets masked and kept, validation, the test send. */
class DestinationApiTest extends EmbeddedServerTest {

    @Test
    void typesListTheirConfigurationSchemas() {
        JsonNode types = api().get("/api/destinations/types").json();
        assertThat(types.valueStream().map(t -> t.path("type").asString()))
                .containsExactlyInAnyOrder("email", "webhook", "slack", "microsoft_teams_webhook", "pagerduty");
        JsonNode email = types.valueStream().filter(t -> t.path("type").asString().equals("email")).findFirst()
                .orElseThrow();
        JsonNode schema = email.path("configuration_schema");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("properties").has("host")).isTrue();
        assertThat(schema.path("properties").path("port").path("type").asString()).isEqualTo("number");
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).as("the server's mail server sends without them")
                .doesNotContain("host", "from");
        assertThat(schema.path("secret").valueStream().map(JsonNode::asString)).containsExactly("password");
        assertThat(email.path("icon").asString()).isNotBlank();
    }

    @Test
    void secretsAreMaskedKeptWhenSentBackAndAGeneratedSigningSecretIsShownOnce() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var created = api().post("/api/destinations", Map.of("name", unique(), "type", "webhook",
                    "options", Map.of("url", receiver.url("/hook"), "username", "bot", "password", "pw-1234")));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            JsonNode options = created.json().path("options");
            String secret = options.path("secret").asString();
            assertThat(secret).as("generated, shown in the creation answer only").hasSizeGreaterThan(30);
            assertThat(options.path("url").asString()).isEqualTo("--------");
            assertThat(options.path("password").asString()).isEqualTo("--------");
            assertThat(options.path("username").asString()).isEqualTo("bot");
            long id = created.json().path("id").asLong();

            JsonNode read = api().get("/api/destinations/" + id).json().path("options");
            assertThat(read.path("secret").asString()).isEqualTo("--------");
            assertThat(api().get("/api/destinations/" + id).body()).doesNotContain(secret).doesNotContain("pw-1234");

            var renamed = api().post("/api/destinations/" + id, Map.of("name", "renamed " + unique(),
                    "options", Map.of("url", "--------", "username", "bot", "password", "--------", "secret", "--------")));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

            JsonNode test = api().post("/api/destinations/" + id + "/test", Map.of()).json();
            assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
            Receiver.Received post = receiver.at("/hook").get(0);
            assertThat(post.headers().get("X-Sightline-Signature-256"))
                    .as("the kept secret still signs").isEqualTo("sha256=" + AlertDeliveryTest.hmac(secret, post.body()));
            assertThat(post.headers().get("Authorization")).startsWith("Basic ");

            receiver.answer(503);
            JsonNode failed = api().post("/api/destinations/" + id + "/test", Map.of()).json();
            assertThat(failed.path("ok").asBoolean()).isFalse();
            assertThat(failed.path("message").asString()).contains("503").doesNotContain(receiver.url("/hook"));
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheField() {
        assertRefused(Map.of("name", unique(), "type", "carrier-pigeon", "options", Map.of()), "'type'");
        assertRefused(Map.of("name", unique(), "type", "slack", "options", Map.of()), "'options.url'");
        assertRefused(Map.of("name", unique(), "type", "slack", "options", Map.of("url", "ftp://x")), "'options.url'");
        assertRefused(Map.of("name", unique(), "type", "slack", "options", Map.of("url", "http://x", "colour", "red")),
                "'options.colour'");
        assertRefused(Map.of("name", unique(), "type", "email", "options", Map.of("host", "h", "from", "a@b",
                "port", "smtp")), "'options.port'");
        assertRefused(Map.of("name", unique(), "type", "email", "options", Map.of("host", "h", "from", "a@b",
                "password", "--------")), "'options.password'");
        assertRefused(Map.of("type", "slack", "options", Map.of("url", "http://x")), "'name'");
        String taken = unique();
        assertThat(api().post("/api/destinations", Map.of("name", taken, "type", "slack",
                "options", Map.of("url", "http://x"))).status()).isEqualTo(200);
        assertRefused(Map.of("name", taken, "type", "slack", "options", Map.of("url", "http://x")), "'name'");
    }

    @Test
    void everyoneListsDestinationsOnlyAdminsSeeOrChangeThem() {
        long id = api().post("/api/destinations", Map.of("name", unique(), "type", "slack",
                "options", Map.of("url", "http://127.0.0.1:9/hook"))).json().path("id").asLong();
        Api user = new AccessFixtures(api()).user("destination-user").api();
        JsonNode listed = user.get("/api/destinations").json();
        JsonNode mine = listed.valueStream().filter(d -> d.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.has("options")).as("the list shows no options").isFalse();
        assertThat(user.get("/api/destinations/" + id).status()).isEqualTo(403);
        assertThat(user.post("/api/destinations/" + id, Map.of("name", "mine")).status()).isEqualTo(403);
        assertThat(user.delete("/api/destinations/" + id).status()).isEqualTo(403);
        assertThat(api().delete("/api/destinations/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/destinations/" + id).status()).isEqualTo(404);
    }

    private void assertRefused(Map<String, ?> body, String field) {
        var response = api().post("/api/destinations", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains(field);
    }

    private static String unique() {
        return "destination " + UUID.randomUUID();
    }
}
