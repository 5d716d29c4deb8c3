package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.sightline.server.support.EmbeddedServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With a mail server, invitation and reset links are also emailed to their user (through the server's own mail
 * server, a real SMTP server here); {@code ?no_invite} sends none.
 */
class InvitationMailTest extends EmbeddedServerTest {

    private GreenMail mail;

    @BeforeEach
    void startMailServer() {
        mail = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void stopMailServer() {
        mail.stop();
    }

    @Test
    void createdUserIsEmailedTheirInvitationLinkUnlessNoInvite() throws Exception {
        String email = "mailed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode ivy = api().post("/api/users", Map.of("name", "Ivy Mailed", "email", email)).json();

        List<MimeMessage> received = List.of(mail.getReceivedMessages());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(received.get(0).getSubject()).endsWith("invited you to Sightline");
        assertThat(GreenMailUtil.getBody(received.get(0))).contains("Ivy Mailed")
                .contains(ivy.path("invite_link").asString());

        api().post("/api/users?no_invite", Map.of("name", "Quiet", "email", "quiet-" + email));
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void resetLinkIsEmailed() throws Exception {
        JsonNode alice = new UserAdminSupport(api()).createUser("Alice", "alice-secret");
        String link = api().post("/api/users/" + alice.path("id").asLong() + "/reset_password", Map.of()).json()
                .path("reset_link").asString();

        assertThat(mail.getReceivedMessages()).hasSize(1);
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Reset your Sightline password");
        assertThat(GreenMailUtil.getBody(message)).contains(link);
    }
}
