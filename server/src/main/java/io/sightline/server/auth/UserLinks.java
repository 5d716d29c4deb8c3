package io.sightline.server.auth;

import io.sightline.server.system.ServerSecret;
import io.sightline.server.system.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The links that let a user set their password: an invitation ({@code /invite/<token>}) and a password reset
 * ({@code /reset/<token>}). A token says whose it is, for what, until when and at which session epoch of the user,
 * signed with a key of the server's ({@link ServerSecret#derive}), so nothing is stored. Setting a password counts
 * the epoch up ({@link UserRepository#updatePassword}), which makes every link made before useless: a link works
 * once. Invitations last {@link #INVITATION_LIFETIME} (Redash's seven days), resets {@link #RESET_LIFETIME}. A link
 * signed under a previous secret key ({@code sightline.previous-secret-keys}) still works during a rotation.
 */
@Component
class UserLinks {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LIFETIME = Duration.ofDays(1);
    static final int MAX_TOKEN_CHARS = 200;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    enum Purpose {
        INVITE("invite", INVITATION_LIFETIME), RESET("reset", RESET_LIFETIME);

        final String path;
        final Duration lifetime;

        Purpose(String path, Duration lifetime) {
            this.path = path;
            this.lifetime = lifetime;
        }
    }

    private final SigningKeys keys;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    UserLinks(ServerSecret secret) {
        this(secret, Clock.systemUTC());
    }

    /** With another clock, for a test of expiry. */
    UserLinks(ServerSecret secret, Clock clock) {
        this.keys = secret.signingKeys("user-password-links-v1");
        this.clock = clock;
    }

    /** The address of the user's link, on the server the request came to. */
    String link(UserRecord user, Purpose purpose) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/" + purpose.path + "/" + token(user, purpose))
                .toUriString();
    }

    String token(UserRecord user, Purpose purpose) {
        long expires = clock.instant().plus(purpose.lifetime).getEpochSecond();
        String body = ENCODE.encodeToString((user.id() + ":" + purpose.name() + ":" + expires + ":"
                + user.sessionEpoch()).getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODE.encodeToString(keys.sign(body));
    }

    /**
     * The user and purpose of a token that is well formed, signed by this server, not expired, for {@code purpose},
     * and made at the epoch {@code epochOf} gives for its user (so not yet used); empty otherwise.
     */
    Optional<Long> userOf(String token, Purpose purpose, java.util.function.LongFunction<Optional<Long>> epochOf) {
        if (token == null || token.length() > MAX_TOKEN_CHARS || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String body = token.substring(0, token.indexOf('.'));
        byte[] signature = DECODE.decode(token.substring(token.indexOf('.') + 1));
        if (!keys.verifies(body, signature)) {
            return Optional.empty();
        }
        String[] parts = new String(DECODE.decode(body), StandardCharsets.UTF_8).split(":");
        if (parts.length != 4 || !parts[1].equals(purpose.name())) {
            return Optional.empty();
        }
        long userId = Long.parseLong(parts[0]);
        if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
            return Optional.empty();
        }
        long epoch = Long.parseLong(parts[3]);
        return epochOf.apply(userId).filter(current -> current == epoch).map(current -> userId);
    }
}
