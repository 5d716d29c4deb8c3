package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher(randomKey());

    @ParameterizedTest
    @ValueSource(strings = {"s3cret", "", "pässwörd with spaces & ünïcode ✓",
            "a-very-long-password-a-very-long-password-a-very-long-password-a-very-long-password-a-very-long"})
    void decryptsWhatItEncrypted(String plaintext) {
        String stored = cipher.encrypt(plaintext);

        assertThat(stored).startsWith("enc:v1:");
        assertThat(cipher.decrypt(stored)).isEqualTo(plaintext);
    }

    @Test
    void storedValueHoldsNoPlaintext() {
        assertThat(cipher.encrypt("hunter2-password")).doesNotContain("hunter2");
    }

    @Test
    void usesAFreshIvForEveryValue() {
        String first = cipher.encrypt("same password");
        String second = cipher.encrypt("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(slice(payload(first), 0, 12)).isNotEqualTo(slice(payload(second), 0, 12));
    }

    @Test
    void detectsATamperedCiphertext() {
        byte[] bytes = payload(cipher.encrypt("s3cret"));
        bytes[bytes.length - 20] ^= 0x01;
        String tampered = CredentialCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(CredentialCipher.CredentialException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void detectsATamperedIv() {
        byte[] bytes = payload(cipher.encrypt("s3cret"));
        bytes[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(CredentialCipher.PREFIX + Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(CredentialCipher.CredentialException.class);
    }

    @Test
    void anotherKeyCannotDecryptAndSaysWhy() {
        String stored = cipher.encrypt("s3cret");

        assertThatThrownBy(() -> new CredentialCipher(randomKey()).decrypt(stored))
                .isInstanceOf(CredentialCipher.CredentialException.class)
                .hasMessageContaining("SIGHTLINE_SECRET_KEY")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesValuesThatAreNotEncrypted() {
        assertThatThrownBy(() -> cipher.decrypt("plain-password"))
                .isInstanceOf(CredentialCipher.CredentialException.class)
                .hasMessageNotContaining("plain-password");
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:AAAA"))
                .isInstanceOf(CredentialCipher.CredentialException.class);
    }

    @Test
    void samePassphraseGivesTheSameKeyOnEveryServer() {
        var one = new CredentialCipher(CredentialKeys.fromPassphrase("shared secret"));
        var other = new CredentialCipher(CredentialKeys.fromPassphrase("shared secret"));
        var different = new CredentialCipher(CredentialKeys.fromPassphrase("another secret"));
        String stored = one.encrypt("s3cret");

        assertThat(other.decrypt(stored)).isEqualTo("s3cret");
        assertThatThrownBy(() -> different.decrypt(stored)).isInstanceOf(CredentialCipher.CredentialException.class);
    }

    @Test
    void duringARotationPreviousKeysDecryptButOnlyTheCurrentOneEncrypts() {
        byte[] oldKey = randomKey();
        byte[] newKey = randomKey();
        String underOld = new CredentialCipher(oldKey).encrypt("s3cret");
        var rotating = new CredentialCipher(newKey, java.util.List.of(randomKey(), oldKey));

        assertThat(rotating.decrypt(underOld)).isEqualTo("s3cret");
        assertThat(rotating.isCurrent(underOld)).isFalse();
        String underNew = rotating.encrypt("s3cret");
        assertThat(rotating.isCurrent(underNew)).isTrue();
        assertThat(new CredentialCipher(newKey).decrypt(underNew)).isEqualTo("s3cret");
        assertThatThrownBy(() -> new CredentialCipher(oldKey).decrypt(underNew))
                .isInstanceOf(CredentialCipher.CredentialException.class)
                .hasMessageContaining("SIGHTLINE_PREVIOUS_SECRET_KEYS");
    }

    @Test
    void previousPassphrasesAreCommaSeparatedOrOneALine() {
        assertThat(CredentialKeys.previousPassphrases(" old one , older ")).containsExactly("old one", "older");
        assertThat(CredentialKeys.previousPassphrases("a, with comma\nsecond\n")).containsExactly("a, with comma", "second");
        assertThat(CredentialKeys.previousPassphrases("")).isEmpty();
    }

    @Test
    void rejectsKeysOfTheWrongLength() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] payload(String stored) {
        return Base64.getDecoder().decode(stored.substring(CredentialCipher.PREFIX.length()));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
