package io.sightline.server.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's key material ({@code sightline.secret-key}, or the generated key file): every replica configured
 * alike holds the same. Each use gets a key of its own derived from it ({@link #derive}), so a key leaked from one
 * use reveals nothing of another. During a rotation the previous keys ({@code sightline.previous-secret-keys}) are
 * held too: what they signed or encrypted is still read ({@link #signingKeys}), nothing new is made with them.
 */
public final class ServerSecret {

    private final byte[] key;
    private final List<byte[]> previous;

    public ServerSecret(byte[] key) {
        this(key, List.of());
    }

    public ServerSecret(byte[] key, List<byte[]> previous) {
        for (byte[] one : concat(key, previous)) {
            if (one.length < 32) {
                throw new IllegalArgumentException("The server secret must be at least 32 bytes, was " + one.length);
            }
        }
        this.key = key.clone();
        this.previous = previous.stream().map(byte[]::clone).toList();
    }

    /**
     * The key itself, for the data source credential cipher only: credentials were encrypted with it before any
     * use derived a key of its own, and stored ones must still decrypt.
     */
    public byte[] credentialKey() {
        return key.clone();
    }

    /** The previous keys themselves, for the data source credential cipher only (see {@link #credentialKey}). */
    public List<byte[]> previousCredentialKeys() {
        return previous.stream().map(byte[]::clone).toList();
    }

    /** HMAC-SHA256 of the purpose's name under the server's key: 32 bytes for that purpose only. */
    public byte[] derive(String purpose) {
        return derive(key, purpose);
    }

    /**
     * The purpose's signing keys, derived from the current key and from each previous one: links made before a
     * rotation keep working until the previous key is dropped.
     */
    public SigningKeys signingKeys(String purpose) {
        return new SigningKeys(concat(key, previous).stream().map(one -> derive(one, purpose)).toList());
    }

    private static byte[] derive(byte[] key, String purpose) {
        return hmac(key, ("sightline:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static List<byte[]> concat(byte[] key, List<byte[]> previous) {
        List<byte[]> all = new ArrayList<>(previous.size() + 1);
        all.add(key);
        all.addAll(previous);
        return all;
    }
}
