package io.sightline.server.auth;

/**
 * An invitation or password reset link to email to its user, published when an admin makes one; the server's own
 * mail server (destination's {@code ServerMail}) sends it once the change is committed, when one is configured.
 */
public record UserLinkMail(String to, String subject, String text) {
}
