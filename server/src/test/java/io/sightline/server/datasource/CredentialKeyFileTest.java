package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAKeyFileReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("data").resolve(CredentialKeys.KEY_FILE);

        byte[] key = CredentialKeys.fromKeyFile(file);

        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void reusesTheKeyFileOnLaterStarts() {
        Path file = dir.resolve(CredentialKeys.KEY_FILE);
        String stored = new CredentialCipher(CredentialKeys.fromKeyFile(file)).encrypt("s3cret");

        var afterRestart = new CredentialCipher(CredentialKeys.fromKeyFile(file));

        assertThat(afterRestart.decrypt(stored)).isEqualTo("s3cret");
    }

    @Test
    void refusesADamagedKeyFile() throws Exception {
        Path file = dir.resolve(CredentialKeys.KEY_FILE);
        Files.write(file, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> CredentialKeys.fromKeyFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly 32 bytes");
    }
}
