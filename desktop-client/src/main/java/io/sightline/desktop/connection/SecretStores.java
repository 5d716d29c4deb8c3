package io.sightline.desktop.connection;

import com.github.javakeyring.Keyring;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Chooses where keys are kept: the OS keyring when one answers, else a file only the user can read. On Linux
 * the keyring is the Secret Service over D-Bus, which is often missing (servers, CI, Xvfb, a bare window
 * manager); then the file is used and the dialog says so. {@code -Dsightline.desktop.keyring=off} forces the
 * file (the tests use it so that they never write into a developer's real keyring).
 */
public final class SecretStores {

    static final String SWITCH = "sightline.desktop.keyring";
    private static final System.Logger LOG = System.getLogger(SecretStores.class.getName());

    private SecretStores() {
    }

    public static SecretStore forThisComputer(Path home) {
        return choose(home, System.getProperty(SWITCH, "on"), () -> new KeyringSecretStore(Keyring.create()));
    }

    static SecretStore choose(Path home, String keyringSwitch, Callable<SecretStore> keyring) {
        if (!"off".equalsIgnoreCase(keyringSwitch)) {
            try {
                return keyring.call();
            } catch (Exception | LinkageError unavailable) {
                LOG.log(System.Logger.Level.INFO, "No system keyring (" + unavailable.getMessage()
                        + "); API keys are kept in a file readable only by the user");
            }
        }
        return new FileSecretStore(home);
    }
}

