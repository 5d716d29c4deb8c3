package io.sightline.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.stereotype.Component;

/**
 * How the desktop client finishes a single sign-on in the system browser (decision 0050): it starts the flow with a
 * loopback port, a {@code state} of its own and a challenge (the SHA-256 of a secret verifier, as PKCE's S256);
 * the end of the flow sends the browser to {@code http://127.0.0.1:<port>/sightline-sso?code=...&state=...}, and the
 * desktop posts the code with its verifier to get an API key. A code is random, works once, within
 * {@link #VALID_FOR}, and only with the verifier: a program that sees the redirect alone cannot use it.
 * Codes are kept in this server process: with several API replicas the exchange needs the same replica (sticky
 * sessions) or it is refused and the user signs in again.
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

    private record Issued(long userId, String challenge) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Issued> codes = Caffeine.newBuilder().expireAfterWrite(VALID_FOR)
            .maximumSize(10_000).build();

    /** The loopback address the browser goes to, with a new code for {@code userId}. */
    String redirect(Pending pending, long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Issued(userId, pending.challenge()));
        return "http://127.0.0.1:" + pending.port() + LOOPBACK_PATH + "?code=" + code
                + "&state=" + URLEncoder.encode(pending.state(), StandardCharsets.UTF_8);
    }

    /** The user a code was issued to, once; empty for an unknown, used or expired code or a wrong verifier. */
    Optional<Long> redeem(String code, String verifier) {
        if (code == null || verifier == null) {
            return Optional.empty();
        }
        Issued issued = codes.asMap().remove(code);
        if (issued == null || !MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                issued.challenge().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(issued.userId());
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
