package io.sightline.server.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's key material ({@code sightline.secret-key}, or the generated key file): every replica configured
 * alike holds the same. Each use gets a key of its own derived from it ({@link #derive}), so a key leaked from one
 * use reveals nothing of another.
 */
public final class ServerSecret {

    private final byte[] key;

    public ServerSecret(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The server secret must be at least 32 bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * The key itself, for the data source credential cipher only: credentials were encrypted with it before any
     * use derived a key of its own, and stored ones must still decrypt.
     */
    public byte[] credentialKey() {
        return key.clone();
    }

    /** HMAC-SHA256 of the purpose's name under the server's key: 32 bytes for that purpose only. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("sightline:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
