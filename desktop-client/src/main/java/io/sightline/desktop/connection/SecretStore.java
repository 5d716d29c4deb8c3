package io.sightline.desktop.connection;

import java.util.Optional;

/** Where the API key of each remembered server is kept: the OS keyring, or a file only the user can read. */
public interface SecretStore {

    Optional<String> read(String server);

    void keep(String server, String apiKey);

    void forget(String server);

    /** For the connection dialog: "in the GNOME keyring", "in /home/ann/.sightline-desktop/api-keys.json ...". */
    String whereKept();
}
