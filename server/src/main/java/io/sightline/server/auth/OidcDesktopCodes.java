package io.sightline.server.auth;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How the desktop client finishes a single sign-on in the system browser (decision 0050): it starts the flow with a
 * loopback port, a {@code state} of its own and a challenge (the SHA-256 of a secret verifier, as PKCE's S256);
 * the end of the flow sends the browser to {@code http://127.0.0.1:<port>/sightline-sso?code=...&state=...}, and the
 * desktop posts the code with its verifier to get an API key. A code is random, works once, within
 * {@link #VALID_FOR}, and only with the verifier: a program that sees the redirect alone cannot use it.
 * Codes are kept in the metadata store (table {@code desktop_sign_in_codes}, migration V25), only as their SHA-256,
 * so a code issued by one API replica is redeemed on any other. A redeem deletes the row before it looks at the
 * verifier: of two concurrent redeems only the one whose DELETE removed the row can succeed, and a wrong verifier
 * spends the code too. Expired rows are deleted every minute by every replica.
 */
@Component
class OidcDesktopCodes {

    static final Duration VALID_FOR = Duration.ofSeconds(60);
    static final String LOOPBACK_PATH = "/sightline-sso";
    static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What the start of a desktop sign-in asked for, kept in the browser's session until its end. */
    record Pending(int port, String state, String challenge) implements Serializable {
    }

    private record Issued(long userId, String challenge, long expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    OidcDesktopCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The loopback address the browser goes to, with a new code for {@code userId}. */
    String redirect(Pending pending, long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO desktop_sign_in_codes (code_hash, user_id, challenge, expires_at) VALUES (?, ?, ?, ?)")
                .params(challengeOf(code), userId, pending.challenge(), System.currentTimeMillis() + VALID_FOR.toMillis())
                .update();
        return "http://127.0.0.1:" + pending.port() + LOOPBACK_PATH + "?code=" + code
                + "&state=" + URLEncoder.encode(pending.state(), StandardCharsets.UTF_8);
    }

    /** The user a code was issued to, once; empty for an unknown, used or expired code or a wrong verifier. */
    Optional<Long> redeem(String code, String verifier) {
        if (code == null || verifier == null) {
            return Optional.empty();
        }
        String hash = challengeOf(code);
        Optional<Issued> issued = jdbc.sql("SELECT user_id, challenge, expires_at FROM desktop_sign_in_codes"
                        + " WHERE code_hash = ?").param(hash)
                .query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        // the DELETE decides: a concurrent redeem of the same code removes nothing and gets nothing
        if (jdbc.sql("DELETE FROM desktop_sign_in_codes WHERE code_hash = ?").param(hash).update() != 1
                || issued.get().expiresAt() <= System.currentTimeMillis()
                || !MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                        issued.get().challenge().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(issued.get().userId());
    }

    /** Deletes the codes nobody redeemed in time; every replica runs it, as Spring Session's own clean-up. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void cleanUp() {
        deleteExpired();
    }

    /** @return the expired codes deleted */
    int deleteExpired() {
        return jdbc.sql("DELETE FROM desktop_sign_in_codes WHERE expires_at <= ?").param(System.currentTimeMillis())
                .update();
    }

    /** base64url(SHA-256(verifier)), as PKCE's S256. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
