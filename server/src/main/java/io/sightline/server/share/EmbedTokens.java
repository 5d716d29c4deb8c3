package io.sightline.server.share;

import io.sightline.server.system.ServerSecret;
import io.sightline.server.system.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed embed links: {@code e1.<payload>.<signature>}, the payload {@code {d: dashboard id, s: fingerprint of the
 * dashboard's share link, x: expiry in epoch seconds, p: locked parameter values}} in base64url JSON, signed with
 * HMAC-SHA256 under a key derived from the server's secret (so every replica verifies what any signed). Nothing
 * is stored: a link is checked by its signature, its expiry, and the share link it was made from still being the
 * dashboard's, so revoking or replacing the share ends its embed links too. A link signed under a previous secret
 * key ({@code sightline.previous-secret-keys}) still verifies during a rotation.
 */
@Component
class EmbedTokens {

    static final String PREFIX = "e1.";
    static final int MAX_LENGTH = 4096;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final JsonMapper json;

    EmbedTokens(ServerSecret secret, JsonMapper json) {
        this.keys = secret.signingKeys("embed-links-v1");
        this.json = json;
    }

    /** What a valid embed link says. */
    record Embed(long dashboardId, String shareFingerprint, Instant expiresAt, Map<String, String> locked) {
    }

    static boolean isEmbed(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    String sign(long dashboardId, String shareToken, Instant expiresAt, Map<String, String> locked) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("d", dashboardId);
        payload.put("s", fingerprint(shareToken));
        payload.put("x", expiresAt.getEpochSecond());
        payload.put("p", locked);
        String body = ENCODE.encodeToString(json.writeValueAsBytes(payload));
        return PREFIX + body + "." + ENCODE.encodeToString(keys.sign(body));
    }

    /** The link's contents when its signature holds; empty for anything tampered with or malformed. */
    Optional<Embed> verify(String token) {
        if (!isEmbed(token) || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODE.decode(parts[1]);
            if (!keys.verifies(parts[0], signature)) {
                return Optional.empty();
            }
            Map<String, Object> payload = json.readValue(DECODE.decode(parts[0]), OBJECT);
            Map<String, String> locked = new LinkedHashMap<>();
            if (payload.get("p") instanceof Map<?, ?> p) {
                p.forEach((name, value) -> locked.put(String.valueOf(name), String.valueOf(value)));
            }
            return Optional.of(new Embed(((Number) payload.get("d")).longValue(), (String) payload.get("s"),
                    Instant.ofEpochSecond(((Number) payload.get("x")).longValue()), locked));
        } catch (RuntimeException e) {
            return Optional.empty(); // signed by us yet unreadable cannot happen; a forged one never gets here
        }
    }

    static String fingerprint(String shareToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shareToken.getBytes(StandardCharsets.UTF_8));
            return ENCODE.encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
