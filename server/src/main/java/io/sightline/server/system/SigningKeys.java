package io.sightline.server.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * One use's HMAC-SHA256 keys ({@link ServerSecret#signingKeys}): the current one signs, it and the previous ones
 * (during a secret key rotation) verify, so what was signed before the rotation still holds.
 */
public final class SigningKeys {

    private final List<byte[]> keys;

    SigningKeys(List<byte[]> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The text's signature under the current key. */
    public byte[] sign(String text) {
        return ServerSecret.hmac(keys.get(0), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is the text's under the current key or a previous one (compared in constant time). */
    public boolean verifies(String text, byte[] signature) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(ServerSecret.hmac(key, data), signature));
    }
}
