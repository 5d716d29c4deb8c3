package io.sightline.server.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a port of its own that the test can stop and start again; what it received
 * before a restart is kept.
 */
final class Mailbox implements AutoCloseable {

    private final int port;
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail mail;

    Mailbox() {
        this(freePort());
    }

    /** On a given port: the server's own mail server, which the server was started with. */
    Mailbox(int port) {
        this.port = port;
        start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    void start() {
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    void stop() {
        earlier.addAll(List.of(mail.getReceivedMessages()));
        mail.stop();
        mail = null;
    }

    List<MimeMessage> messages() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (mail != null) {
            all.addAll(List.of(mail.getReceivedMessages()));
        }
        return all;
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/html part of a message. */
    static String html(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            return find((Multipart) content, "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.stop();
        }
    }
}
