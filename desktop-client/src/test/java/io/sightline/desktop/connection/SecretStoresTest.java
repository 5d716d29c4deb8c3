package io.sightline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS keyring when it answers, the private file when it does not or when it is switched off. */
class SecretStoresTest {

    @TempDir
    Path home;

    private final SecretStore keyring = new SecretStore() {
        private final Map<String, String> keys = new HashMap<>();

        @Override
        public Optional<String> read(String server) {
            return Optional.ofNullable(keys.get(server));
        }

        @Override
        public void keep(String server, String apiKey) {
            keys.put(server, apiKey);
        }

        @Override
        public void forget(String server) {
            keys.remove(server);
        }

        @Override
        public String whereKept() {
            return "in the test keyring";
        }
    };

    @Test
    void usesTheKeyringWhenOneAnswers() {
        assertThat(SecretStores.choose(home, "on", () -> keyring)).isSameAs(keyring);
    }

    @Test
    void fallsBackToThePrivateFileWithoutAKeyring() {
        SecretStore chosen = SecretStores.choose(home, "on", () -> {
            throw new com.github.javakeyring.BackendNotSupportedException("No available keyring backend found");
        });

        assertThat(chosen).isInstanceOf(FileSecretStore.class);
        assertThat(chosen.whereKept()).contains(home.resolve("api-keys.json").toString());
    }

    @Test
    void fallsBackToThePrivateFileWhenAKeyringLibraryIsMissing() {
        SecretStore chosen = SecretStores.choose(home, "on", () -> {
            throw new NoClassDefFoundError("org/freedesktop/dbus/Something");
        });

        assertThat(chosen).isInstanceOf(FileSecretStore.class);
    }

    @Test
    void usesTheFileWhenTheKeyringIsSwitchedOff() {
        assertThat(SecretStores.choose(home, "off", () -> keyring)).isInstanceOf(FileSecretStore.class);
    }

    /**
     * The real probe of this machine never fails: it gives a store whatever the machine has, and on a Linux without
     * a D-Bus session (CI, Xvfb) it falls back to the private file rather than failing or hanging.
     */
    @Test
    void theRealProbeGivesAStoreAndWithoutASecretServiceTheFile() {
        SecretStore chosen = SecretStores.choose(home, "on",
                () -> new KeyringSecretStore(com.github.javakeyring.Keyring.create()));

        assertThat(chosen).isNotNull();
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && isLinux()) {
            assertThat(chosen).isInstanceOf(FileSecretStore.class);
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
