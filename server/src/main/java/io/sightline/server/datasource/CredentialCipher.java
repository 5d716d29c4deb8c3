package io.sightline.server.datasource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts data source credentials at rest: AES-256-GCM with a random 12-byte IV per value, stored as
 * {@code "enc:v1:" + base64(iv || ciphertext+tag)}. GCM's tag makes any change to a stored value fail loudly.
 * While the secret key is rotated, values are encrypted with the current key and decrypted with whichever of the
 * current and previous keys encrypted them (GCM's tag tells which).
 */
final class CredentialCipher {

    static final String PREFIX = "enc:v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final List<SecretKey> previous;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(byte[] key) {
        this(key, List.of());
    }

    /** @param previous keys that encrypted values before the current one: they only decrypt */
    CredentialCipher(byte[] key, List<byte[]> previous) {
        this.key = aesKey(key);
        this.previous = previous.stream().map(CredentialCipher::aesKey).toList();
    }

    private static SecretKey aesKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A credential key has 32 bytes, not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether the current key encrypted {@code stored} (false also for a damaged value). */
    boolean isCurrent(String stored) {
        try {
            return open(stored, key) != null;
        } catch (CredentialException e) {
            return false;
        }
    }

    /** @throws CredentialException when the value was altered or encrypted with none of the keys */
    String decrypt(String stored) {
        String plain = open(stored, key);
        for (int i = 0; plain == null && i < previous.size(); i++) {
            plain = open(stored, previous.get(i));
        }
        if (plain == null) {
            throw new CredentialException("Cannot decrypt a stored credential: it was encrypted with another secret key"
                    + " or altered. Every server must use the same SIGHTLINE_SECRET_KEY (or the same secret.key file);"
                    + " during a key rotation the old one goes in SIGHTLINE_PREVIOUS_SECRET_KEYS");
        }
        return plain;
    }

    /** The plaintext, or null when {@code with} did not encrypt it (or it was altered). */
    private static String open(String stored, SecretKey with) {
        if (!isEncrypted(stored)) {
            throw new CredentialException("A stored credential is not encrypted (expected the " + PREFIX + " prefix)");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CredentialException("A stored credential is damaged (not base64)");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new CredentialException("A stored credential is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** A stored credential cannot be read; the message never contains key material or plaintext. */
    static final class CredentialException extends IllegalStateException {
        CredentialException(String message) {
            super(message);
        }
    }
}
