package io.sightline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a keyring the keys live in a file only the user can read, and "forget" really removes them. */
class FileSecretStoreTest {

    @TempDir
    Path temp;

    @Test
    void keepsTheKeyInAFileAndADirectoryOnlyTheUserCanRead() throws Exception {
        Path home = temp.resolve("home");
        FileSecretStore store = new FileSecretStore(home);

        store.keep("http://sightline.example:5000", "key-one");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(Files.readString(store.file())).contains("http://sightline.example:5000").contains("key-one");
        assertThat(new FileSecretStore(home).read("http://sightline.example:5000")).contains("key-one");
        assertThat(store.whereKept()).contains(store.file().toString()).contains("readable only by you");
    }

    @Test
    void forgettingOneServerLeavesTheOthers() throws Exception {
        FileSecretStore store = new FileSecretStore(temp);
        store.keep("http://a:5000", "key-a");
        store.keep("http://b:5000", "key-b");

        store.forget("http://a:5000");

        assertThat(store.read("http://a:5000")).isEmpty();
        assertThat(store.read("http://b:5000")).contains("key-b");
        assertThat(Files.readString(store.file())).doesNotContain("key-a");
    }

    @Test
    void forgettingAServerInTheListRemovesItsKeyToo() throws Exception {
        FileSecretStore secrets = new FileSecretStore(temp);
        ConnectionStore servers = new ConnectionStore(temp, secrets);
        servers.remember(new SavedConnection("http://a:5000", LoginKind.PASSWORD, "ann@example.com"));
        secrets.keep("http://a:5000", "key-a");

        servers.forget("http://a:5000");

        assertThat(servers.load()).isEmpty();
        assertThat(Files.readString(secrets.file())).doesNotContain("key-a");
    }

    @Test
    void theServerListHoldsNoKeysAndOldListsHaveTheirKeysMovedOut() throws Exception {
        FileSecretStore secrets = new FileSecretStore(temp.resolve("keys"));
        Files.writeString(temp.resolve("connections.json"),
                "{\"servers\":[{\"url\":\"http://old:5000\",\"api_key\":\"old-key\"}]}");
        ConnectionStore servers = new ConnectionStore(temp, secrets);

        assertThat(servers.load()).containsExactly(new SavedConnection("http://old:5000", LoginKind.API_KEY, ""));

        assertThat(Files.readString(temp.resolve("connections.json"))).doesNotContain("old-key");
        assertThat(secrets.read("http://old:5000")).contains("old-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("connections.json"))))
                .isEqualTo("rw-------");
    }
}
