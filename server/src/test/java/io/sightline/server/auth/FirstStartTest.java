package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no admin key configured, the first start generates one into a file only the owner can read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void noAdminKey(DynamicPropertyRegistry registry) {
        registry.add("sightline.data-dir", DATA_DIR::toString);
        registry.add("sightline.admin-api-key", () -> "");
        registry.add("sightline.database-url", () -> "");
        registry.add("sightline.demo-data", () -> "never");
    }

    @Test
    void generatedAdminKeyIsWrittenOwnerOnlyAndWorks() throws IOException {
        Path keyFile = DATA_DIR.resolve("admin-api-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile).trim();
        assertThat(key).hasSize(40);

        var session = new Api(port, key).get("/api/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("user").path("permissions").toString()).contains("admin");
        var admin = new Api(port, key).get("/api/users/" + session.json().path("user").path("id").asLong()).json();
        assertThat(admin.path("is_invitation_pending").asBoolean()).as("a key-only admin is no invitation").isFalse();
        assertThat(admin.path("auth_type").asString()).as("no password, as Redash tells it").isEqualTo("external");
    }

    @Test
    void generatedAdminKeyIsNeverLogged(CapturedOutput output) throws IOException {
        String key = Files.readString(DATA_DIR.resolve("admin-api-key")).trim();
        assertThat(output.getAll()).contains("Created the admin user").contains("admin-api-key").doesNotContain(key);
    }

    @Test
    void demoDataCanBeSwitchedOff() throws IOException {
        String key = Files.readString(DATA_DIR.resolve("admin-api-key")).trim();
        assertThat(new Api(port, key).get("/api/data_sources").json().size()).isZero();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sightline-first-start-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
