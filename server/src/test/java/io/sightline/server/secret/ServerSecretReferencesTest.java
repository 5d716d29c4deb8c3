package io.sightline.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@link ServerSecretReferences}: the server's own secrets given as {@code env:}/{@code file:}, read at start. */
class ServerSecretReferencesTest {

    @TempDir
    Path dir;

    @Test
    void settingsGivenByReferenceAreReadAtStart() throws IOException {
        Path mail = Files.writeString(dir.resolve("mail"), "mail-pass\n");
        var environment = environment(Map.of(
                "sightline.mail.password", "file:" + mail,
                "sightline.secret-key", "env:SIGHTLINE_DS_IT_MARIADB_PASSWORD",
                "sightline.admin-password", "a literal"));

        new ServerSecretReferences().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sightline.mail.password")).isEqualTo("mail-pass");
        assertThat(environment.getProperty("sightline.secret-key")).isEqualTo(System.getenv("SIGHTLINE_DS_IT_MARIADB_PASSWORD"));
        assertThat(environment.getProperty("sightline.admin-password")).isEqualTo("a literal");
    }

    @Test
    void serverSettingsMayReadAnyFileAndVariable() throws IOException {
        // ops set these, and already control the server's environment: no allow-list (decision 0048)
        Path file = Files.writeString(dir.resolve("anywhere"), "x");
        var environment = environment(Map.of("sightline.database-password", "file:" + file,
                "sightline.admin-api-key", "env:IT_OUTSIDE_PREFIX"));

        new ServerSecretReferences().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sightline.database-password")).isEqualTo("x");
        assertThat(environment.getProperty("sightline.admin-api-key")).isEqualTo("it-outside-prefix-value");
    }

    @Test
    void redisPasswordBecomesTheUrlsPassword() throws IOException {
        Path file = Files.writeString(dir.resolve("redis"), "p@ss:w/rd");
        var environment = environment(Map.of("sightline.redis-url", "redis://default@redis.example:6380/2",
                "sightline.redis-password", "file:" + file));

        new ServerSecretReferences().postProcessEnvironment(environment, null);

        var uri = java.net.URI.create(environment.getProperty("sightline.redis-url"));
        assertThat(uri.getUserInfo()).isEqualTo("default:p@ss:w/rd");
        assertThat(uri.getHost()).isEqualTo("redis.example");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getPath()).isEqualTo("/2");
    }

    @Test
    void aDollarBraceInASecretIsNoPlaceholder() throws IOException {
        Path file = Files.writeString(dir.resolve("odd"), "pa${ss}word");
        var environment = environment(Map.of("sightline.mail.password", "file:" + file));

        new ServerSecretReferences().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sightline.mail.password")).isEqualTo("pa${ss}word");
    }

    @Test
    void anUnreadableReferenceStopsTheStartNamingTheSetting() {
        var environment = environment(Map.of("sightline.mail.password", "file:" + dir.resolve("gone")));

        assertThatThrownBy(() -> new ServerSecretReferences().postProcessEnvironment(environment, null))
                .hasMessage("Setting sightline.mail.password (SIGHTLINE_MAIL_PASSWORD): file:" + dir.resolve("gone")
                        + ": no such file on this server");
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
