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

    Secrets(CredentialCipher cipher) {
        this.cipher = cipher;
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
