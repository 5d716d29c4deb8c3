package io.sightline.server.destination;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the destination's own SMTP server, or, without a {@code host}, through the server's mail server as
 * Redash's email destination does ({@link ServerMail#sendFor}): to its {@code addresses} when it has some, else to
 * the subscriber.
 * The subject is the alert's custom subject or {@code subject_template} ({@code {alert_name}}, {@code {state}}); the
 * body the alert's custom body, its values HTML-escaped, or a default.
 */
@Component
class EmailSender implements DestinationSender {

    static final String DEFAULT_SUBJECT = "({state}) {alert_name}";
    private static final String TIMEOUT_MS = String.valueOf(HttpPoster.TIMEOUT.toMillis());

    @Override
    public String type() {
        return "email";
    }

    @Override
    public String name() {
        return "Email";
    }

    @Override
    public String icon() {
        return "fa-envelope";
    }

    @Override
    public List<DestinationField> fields() {
        return List.of(DestinationField.text("host", "SMTP host (empty: the server's mail server)"),
                DestinationField.text("port", "SMTP port").ofKind("number").withDefault(587),
                DestinationField.text("tls", "TLS: none, starttls or ssl").withDefault("starttls"),
                DestinationField.text("username", "SMTP user"),
                DestinationField.text("password", "SMTP password").asSecret(),
                DestinationField.text("from", "From address (with an SMTP host)"),
                DestinationField.text("addresses", "Recipients (empty: subscriber)"),
                DestinationField.text("subject_template", "Subject Template").withDefault(DEFAULT_SUBJECT));
    }

    @Override
    public void send(Map<String, Object> options, Notification n, long notificationId) throws DeliveryFailure {
        List<String> recipients = recipients(options, n);
        if (recipients.isEmpty()) {
            throw new DeliveryFailure("No recipient: the destination has no addresses and the subscriber no email");
        }
        JavaMailSenderImpl mail = mailer(options);
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress(String.valueOf(options.get("from")), true));
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject(options, n));
            helper.setText(n.bodyText(), n.bodyHtml());
            message.setHeader("X-Sightline-Delivery", String.valueOf(notificationId));
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw smtpFailure(e);
        }
    }

    /** Whether {@code options} name an SMTP server of their own (else the server's mail server sends). */
    static boolean ownServer(Map<String, Object> options) {
        return options.get("host") instanceof String host && !host.isBlank();
    }

    /** A plain text message to one address through the server given by {@code options} (as a destination's). */
    void sendText(Map<String, Object> options, String to, String subject, String text) throws DeliveryFailure {
        JavaMailSenderImpl mail = mailer(options);
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(String.valueOf(options.get("from")), true));
            helper.setTo(new InternetAddress(to, true));
            helper.setSubject(subject);
            helper.setText(text, false);
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw smtpFailure(e);
        }
    }

    /** The SMTP failure as its root cause names it. */
    private static DeliveryFailure smtpFailure(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return new DeliveryFailure("SMTP: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage().strip()));
    }

    static String subject(Map<String, Object> options, Notification n) {
        if (n.customSubject() != null) {
            return n.customSubject();
        }
        String template = options.get("subject_template") instanceof String t && !t.isBlank() ? t : DEFAULT_SUBJECT;
        return template.replace("{alert_name}", n.alertName()).replace("{state}", n.state().toUpperCase(Locale.ROOT));
    }

    static List<String> recipients(Map<String, Object> options, Notification n) {
        String addresses = options.get("addresses") instanceof String a ? a : "";
        List<String> listed = Arrays.stream(addresses.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!listed.isEmpty()) {
            return listed;
        }
        return n.recipient() == null || n.recipient().isBlank() ? List.of() : List.of(n.recipient());
    }

    private static JavaMailSenderImpl mailer(Map<String, Object> options) {
        var mail = new JavaMailSenderImpl();
        mail.setHost(String.valueOf(options.get("host")));
        mail.setPort(((Number) options.getOrDefault("port", 587)).intValue());
        mail.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        String tls = String.valueOf(options.getOrDefault("tls", "starttls")).toLowerCase(Locale.ROOT);
        if (tls.equals("ssl")) {
            mail.setProtocol("smtps");
        } else if (tls.equals("starttls")) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (options.get("username") instanceof String user && !user.isBlank()) {
            mail.setUsername(user);
            mail.setPassword(String.valueOf(options.getOrDefault("password", "")));
            properties.put("mail." + mail.getProtocol() + ".auth", "true");
        }
        for (String protocol : List.of("smtp", "smtps")) {
            properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
            properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
            properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        }
        mail.setJavaMailProperties(properties);
        return mail;
    }
}
