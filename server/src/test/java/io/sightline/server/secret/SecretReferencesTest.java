package io.sightline.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretReferences}: what a data source's {@code env:}/{@code file:} secret reads, and what it may not read.
 * The environment variables are the test JVM's real ones, set by the build (server/pom.xml, surefire).
 */
class SecretReferencesTest {

    static final String ENV_SECRET = "SIGHTLINE_DS_IT_MARIADB_PASSWORD";

    @TempDir
    Path allowed;
    @TempDir
    Path elsewhere;
    SecretReferences references;

    @BeforeEach
    void allowOneDirectory() {
        assertThat(System.getenv(ENV_SECRET)).as("set by server/pom.xml for the tests; run them through Maven")
                .isNotBlank();
        references = new SecretReferences(new SecretReferenceProperties("SIGHTLINE_DS_", List.of(allowed)));
    }

    @Test
    void environmentReferenceReadsTheVariable() {
        assertThat(references.resolve("env:" + ENV_SECRET)).isEqualTo(System.getenv(ENV_SECRET));
    }

    @Test
    void literalIsItself() {
        assertThat(references.resolve("hunter2")).isEqualTo("hunter2");
        assertThat(references.resolve("environment:x")).isEqualTo("environment:x");
    }

    @Test
    void environmentVariableOutsideThePrefixIsRefusedWithoutItsValue() {
        assertThatThrownBy(() -> references.check("env:IT_OUTSIDE_PREFIX"))
                .isInstanceOf(SecretReferenceException.class)
                .hasMessageContaining("env:IT_OUTSIDE_PREFIX is not allowed")
                .hasMessageContaining("start with SIGHTLINE_DS_")
                .hasMessageNotContaining(System.getenv("IT_OUTSIDE_PREFIX"));
        assertThatThrownBy(() -> references.check("env:PATH")).hasMessageContaining("is not allowed");
    }

    @Test
    void unsetVariableIsNamed() {
        assertThatThrownBy(() -> references.check("env:SIGHTLINE_DS_NO_SUCH_VARIABLE_X"))
                .hasMessage("env:SIGHTLINE_DS_NO_SUCH_VARIABLE_X: the environment variable "
                        + "SIGHTLINE_DS_NO_SUCH_VARIABLE_X is not set on this server");
    }

    @Test
    void malformedReferencesAreNamed() {
        assertThatThrownBy(() -> references.check("env:"))
                .hasMessageContaining("'env:' is not a valid reference");
        assertThatThrownBy(() -> references.check("env:A-B"))
                .hasMessageContaining("'env:A-B' is not a valid reference");
        assertThatThrownBy(() -> references.check("file:run/secrets/x"))
                .hasMessageContaining("after file: comes an absolute path");
    }

    @Test
    void fileUnderAnAllowedDirectoryIsReadWithoutItsTrailingLineBreak() throws IOException {
        Path file = Files.writeString(allowed.resolve("db-password"), "s3cret value\n");

        assertThat(references.resolve("file:" + file)).isEqualTo("s3cret value");
    }

    @Test
    void kubernetesStyleSymbolicLinksInsideTheDirectoryAreFollowed() throws IOException {
        // a mounted Secret: key -> ..data/key, ..data -> ..2026_12_07_01_00_00.123/
        Path version = Files.createDirectory(allowed.resolve("..2026_12_07_01_00_00.123"));
        Files.writeString(version.resolve("password"), "mounted");
        Files.createSymbolicLink(allowed.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(allowed.resolve("password"), Path.of("..data/password"));

        assertThat(references.resolve("file:" + allowed.resolve("password"))).isEqualTo("mounted");
    }

    @Test
    void fileOutsideTheDirectoriesIsRefused() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("other"), "not yours");

        assertThatThrownBy(() -> references.check("file:" + outside))
                .hasMessageContaining("file:" + outside + " is not allowed")
                .hasMessageContaining("only be read from files under " + allowed)
                .hasMessageNotContaining("not yours");
        assertThatThrownBy(() -> references.check("file:/etc/passwd")).hasMessageContaining("is not allowed");
    }

    @Test
    void dotDotOutOfTheDirectoryIsRefused() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("other"), "not yours");

        assertThatThrownBy(() -> references.check("file:" + allowed + "/../" + elsewhere.getFileName() + "/other"))
                .hasMessageContaining("is not allowed");
        assertThat(outside).exists();
    }

    @Test
    void symbolicLinkOutOfTheDirectoryIsRefused() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("other"), "not yours");
        Path link = Files.createSymbolicLink(allowed.resolve("escape"), outside);

        assertThatThrownBy(() -> references.check("file:" + link))
                .hasMessageContaining("file:" + link + " is not allowed")
                .hasMessageNotContaining("not yours");
    }

    @Test
    void missingEmptyAndHugeFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> references.check("file:" + allowed.resolve("gone")))
                .hasMessage("file:" + allowed.resolve("gone") + ": no such file on this server");
        Path empty = Files.writeString(allowed.resolve("empty"), "\n");
        assertThatThrownBy(() -> references.check("file:" + empty)).hasMessageContaining("the file is empty");
        Path huge = Files.write(allowed.resolve("huge"), new byte[SecretFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> references.check("file:" + huge)).hasMessageContaining("larger than 64 KB");
    }

    @Test
    void noDirectoryConfiguredAllowsNoFile() throws IOException {
        var none = new SecretReferences(new SecretReferenceProperties("SIGHTLINE_DS_", List.of()));
        Path file = Files.writeString(allowed.resolve("x"), "x");

        assertThatThrownBy(() -> none.check("file:" + file)).hasMessageContaining("no directory (none is configured)");
    }
}
