package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import org.springframework.stereotype.Service;

/**
 * Encryption at rest for other features' secrets (alert destinations' passwords, webhook URLs and keys), with the
 * same key and format as data source credentials, so one key rotation procedure covers both.
 */
@Service
public class Secrets {

    /** What answers show instead of a secret; sent back unchanged on an update, it keeps the stored value. */
    public static final String MASK = DataSourceDetail.MASK;

    private final CredentialCipher cipher;
    private final StoredOptions storedOptions;

    Secrets(CredentialCipher cipher, StoredOptions storedOptions) {
        this.cipher = cipher;
        this.storedOptions = storedOptions;
    }

    /**
     * Options JSON with every value a previous key encrypted encrypted again under the current key; empty when
     * there is none.
     *
     * @throws IllegalStateException when a value decrypts under none of the server's keys
     */
    public java.util.Optional<String> reencrypted(String optionsJson) {
        return storedOptions.reencrypted(optionsJson);
    }

    public String encrypt(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    /** @throws IllegalStateException when the value was altered or encrypted with another key */
    public String decrypt(String stored) {
        return cipher.decrypt(stored);
    }

    public static boolean isEncrypted(String value) {
        return CredentialCipher.isEncrypted(value);
    }
}
