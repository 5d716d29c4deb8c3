package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first screen against the real server: wrong key, wrong password, unreachable server, sign-in by key or
 * password, and what is remembered (the key in a private file, never the password).
 */
class ConnectionUiTest extends UiSupport {

    @TempDir
    Path home;

    @BeforeEach
    void start() throws Exception {
        launch(new LaunchOptions(null, null), home);
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    private void enter(String url, String key) {
        server(url);
        clickOn("#login-api-key");
        retype("#api-key", key);
        clickOn("#connect");
    }

    private void signIn(String url, String email, String password) {
        server(url);
        clickOn("#login-password");
        retype("#email", email);
        retype("#password", password);
        clickOn("#connect");
    }

    private void server(String url) {
        ComboBox<?> server = lookup("#server-url").queryAs(ComboBox.class);
        interact(() -> server.getEditor().setText(url));
    }

    private void retype(String field, String text) {
        clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE).write(text);
    }

    private void awaitWorkbench() {
        waitUntil(20, "the schema tree with the demo tables", () -> {
            TreeView<?> tree = lookup("#schema-tree").queryAs(TreeView.class);
            return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                    .anyMatch(node -> node.toString().contains("sales.fact_transactions"));
        });
    }

    private String message() {
        return fx(() -> lookup("#connection-message").queryAs(Label.class).getText());
    }

    @Test
    void explainsAWrongKeyThenConnectsWithTheRightOneAndRemembersItPrivately() throws Exception {
        enter(TestServer.get().url(), "not-the-key");
        waitUntil(15, "a message about the key", () -> message().contains("did not accept the API key"));

        enter(TestServer.get().url(), TestServer.ADMIN_KEY);
        awaitWorkbench();

        Path servers = home.resolve("connections.json");
        assertThat(Files.readString(servers)).contains(TestServer.get().url()).doesNotContain(TestServer.ADMIN_KEY);
        Path keys = home.resolve("api-keys.json"); // no keyring in the tests (sightline.desktop.keyring=off)
        assertThat(Files.readString(keys)).contains(TestServer.get().url()).contains(TestServer.ADMIN_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    }

    @Test
    void explainsAWrongPasswordThenSignsInWithTheRightOne() throws Exception {
        assertThat(fx(() -> lookup("#sso-buttons").query().isVisible())).as("no single sign-on offered").isFalse();
        assertThat(fx(() -> lookup("#key-location").queryAs(Label.class).getText()))
                .contains(home.resolve("api-keys.json").toString());

        signIn(TestServer.get().url(), TestServer.ADMIN_EMAIL, "not the password");
        waitUntil(15, "a message about the password", () -> message().contains("Wrong email or password"));

        signIn(TestServer.get().url(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        awaitWorkbench();

        // the server hands the password sign-in a key of its own (it shows no stored key again): that key is kept
        assertThat(Files.readString(home.resolve("api-keys.json"))).containsPattern("\"[0-9a-f]{40}\"")
                .doesNotContain(TestServer.ADMIN_KEY).doesNotContain(TestServer.ADMIN_PASSWORD);
        assertThat(Files.readString(home.resolve("connections.json"))).contains(TestServer.ADMIN_EMAIL)
                .contains("PASSWORD").doesNotContain(TestServer.ADMIN_PASSWORD);
    }

    @Test
    void picksARememberedServerAndForgetsOneWithItsKey() throws Exception {
        close();
        Files.writeString(home.resolve("connections.json"), """
                {"servers":[{"url":"http://first.example:5000","login":"PASSWORD","user":"ann@example.com"},
                {"url":"http://second.example:5000","login":"API_KEY","user":"bob@example.com"}]}""");
        Files.writeString(home.resolve("api-keys.json"), """
                {"api_keys":{"http://second.example:5000":"bobs-key"}}""");
        launch(new LaunchOptions(null, null), home);

        ComboBox<?> servers = lookup("#server-url").queryAs(ComboBox.class);
        assertThat(fx(() -> servers.getItems().size())).isEqualTo(2);
        assertThat(fx(() -> lookup("#email").queryAs(TextField.class).getText())).isEqualTo("ann@example.com");

        clickOn("#server-url .arrow-button").clickOn("bob@example.com @ http://second.example:5000");
        waitUntil(5, "the key of the second server", () -> lookup("#api-key").queryAs(PasswordField.class)
                .getText().equals("bobs-key") && lookup("#api-key").query().isVisible());

        clickOn("#forget-server");
        waitUntil(5, "one server left", () -> servers.getItems().size() == 1);
        assertThat(message()).contains("Forgot http://second.example:5000");
        assertThat(Files.readString(home.resolve("api-keys.json"))).doesNotContain("bobs-key");
        assertThat(Files.readString(home.resolve("connections.json"))).doesNotContain("second.example");
    }

    @Test
    void saysSoWhenTheServerCannotBeReached() {
        enter("http://localhost:9", "any-key");

        waitUntil(15, "a message about the unreachable server", () -> message().contains("Cannot reach the server"));
        assertThat(message()).contains("Is the server running");
    }
}
