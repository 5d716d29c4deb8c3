package io.sightline.server.destination;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's own mail server ({@code sightline.mail.*}: {@code SIGHTLINE_MAIL_HOST}, or Redash's
 * {@code REDASH_MAIL_SERVER}...), through which an alert subscription without a destination emails its
 * subscriber, as Redash's does. Sent by the email destination's code, so both behave alike; without a host it is
 * not configured and such subscriptions are refused.
 */
@Component
class ServerMail {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerMail.class);

    private final EmailSender email;
    private final Map<String, Object> options = new LinkedHashMap<>();

    ServerMail(EmailSender email, @Value("${sightline.mail.host:}") String host,
               @Value("${sightline.mail.port:25}") int port, @Value("${sightline.mail.tls:none}") String tls,
               @Value("${sightline.mail.username:}") String username,
               @Value("${sightline.mail.password:}") String password,
               @Value("${sightline.mail.from:}") String from) {
        this.email = email;
        if (!host.isBlank()) {
            if (from.isBlank()) {
                throw new IllegalStateException("sightline.mail.from (SIGHTLINE_MAIL_FROM) is required with"
                        + " sightline.mail.host: the address alert emails are sent from");
            }
            if (!java.util.List.of("none", "starttls", "ssl").contains(tls.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalStateException("sightline.mail.tls (SIGHTLINE_MAIL_TLS) must be none, starttls or"
                        + " ssl, was " + tls);
            }
            options.put("host", host.strip());
            options.put("port", port);
            options.put("tls", tls.strip());
            options.put("username", username);
            options.put("password", password);
            options.put("from", from.strip());
        }
    }

    boolean configured() {
        return !options.isEmpty();
    }

    /**
     * Emails a user their invitation or reset link once the change that made it is committed, when this server has
     * a mail server; a failure is logged (the admin also got the link in the answer, to hand over).
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void userLink(io.sightline.server.auth.UserLinkMail mail) {
        if (!configured()) {
            return;
        }
        try {
            email.sendText(options, mail.to(), mail.subject(), mail.text());
        } catch (DeliveryFailure | RuntimeException e) {
            String secret = options.get("password") instanceof String p && !p.isEmpty() ? p : null;
            LOG.warn("Emailing {} their link failed: {}", mail.to(), Destinations.masked(e.getMessage(),
                    secret == null ? java.util.List.of() : java.util.List.of(secret)));
        }
    }

    /** @throws DeliveryFailure when the server has no mail server, the subscriber no email, or sending failed */
    void send(Notification notification, long notificationId) throws DeliveryFailure {
        sendFor(Map.of(), notification, notificationId);
    }

    /**
     * Emails for an email destination without an SMTP server of its own: through this server's, to the destination's
     * {@code addresses} (else the subscriber), with its {@code subject_template}.
     *
     * @throws DeliveryFailure when the server has no mail server, there is no recipient, or sending failed
     */
    void sendFor(Map<String, Object> destination, Notification notification, long notificationId)
            throws DeliveryFailure {
        if (!configured()) {
            throw new DeliveryFailure("This server has no mail server (SIGHTLINE_MAIL_HOST) to email the subscriber");
        }
        java.util.List<String> secrets = options.get("password") instanceof String p && !p.isEmpty()
                ? java.util.List.of(p) : java.util.List.of();
        try {
            Map<String, Object> merged = new LinkedHashMap<>(options);
            for (String own : java.util.List.of("addresses", "subject_template")) {
                if (destination.get(own) != null) {
                    merged.put(own, destination.get(own));
                }
            }
            email.send(merged, notification, notificationId);
        } catch (DeliveryFailure e) {
            throw new DeliveryFailure(Destinations.masked(e.getMessage(), secrets));
        } catch (RuntimeException e) {
            throw new DeliveryFailure(Destinations.masked("Sending failed: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), secrets));
        }
    }
}
