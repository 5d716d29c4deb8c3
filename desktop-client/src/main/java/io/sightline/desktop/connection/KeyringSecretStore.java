package io.sightline.desktop.connection;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/** API keys in the OS keyring (macOS Keychain, Windows Credential Manager, GNOME Keyring / KWallet). */
final class KeyringSecretStore implements SecretStore {

    static final String SERVICE = "Sightline";

    private final Keyring keyring;

    KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public Optional<String> read(String server) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, server)).filter(key -> !key.isBlank());
        } catch (PasswordAccessException notThere) {
            return Optional.empty();
        }
    }

    @Override
    public void keep(String server, String apiKey) {
        try {
            keyring.setPassword(SERVICE, server, apiKey);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The system keyring did not take the key: " + e.getMessage(), e);
        }
    }

    @Override
    public void forget(String server) {
        try {
            keyring.deletePassword(SERVICE, server);
        } catch (PasswordAccessException notThere) {
            // nothing to forget
        }
    }

    @Override
    public String whereKept() {
        return "in the system keyring (" + switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
        } + ", entry \"" + SERVICE + "\")";
    }
}
