package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import org.junit.jupiter.api.Test;

class ApiBasicsTest extends EmbeddedServerTest {

    @Test
    void pingAnswersWithoutAuthentication() {
        var response = anonymous().get("/ping");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("PONG.");
    }

    @Test
    void apiWithoutKeyIsRejectedWithHowToAuthenticate() {
        var response = anonymous().get("/api/session");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).contains("Authorization: Key");
    }

    @Test
    void wrongKeyIsRejected() {
        var response = api().withKey("not-a-key").get("/api/session");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo("Invalid API key");
    }

    @Test
    void apiKeyAsQueryParameterIsRefusedOutsideResultReads() {
        var response = anonymous().get("/api/session?api_key=" + ADMIN_KEY);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).contains("?api_key= is accepted only on GET", "Authorization: Key");
    }

    @Test
    void unknownApiPathIsAProblemDetail404() {
        var response = api().get("/api/no-such-thing");
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.message()).isNotBlank();
        assertThat(response.body()).doesNotContain("at io.sightline", "Exception");
    }
}
