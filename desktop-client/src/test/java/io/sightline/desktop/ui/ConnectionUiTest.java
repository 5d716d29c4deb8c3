package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first screen: wrong key, unreachable server, and a connection that is remembered privately. */
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
        ComboBox<?> server = lookup("#server-url").queryAs(ComboBox.class);
        interact(() -> server.getEditor().setText(url));
        clickOn("#api-key").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE).write(key);
        clickOn("#connect");
    }

    private String message() {
        return fx(() -> lookup("#connection-message").queryAs(Label.class).getText());
    }

    @Test
    void explainsAWrongKeyThenConnectsWithTheRightOneAndRemembersItPrivately() throws Exception {
        enter(TestServer.get().url(), "not-the-key");
        waitUntil(15, "a message about the key", () -> message().contains("did not accept the API key"));

        enter(TestServer.get().url(), TestServer.ADMIN_KEY);
        waitUntil(20, "the schema tree with the demo tables", () -> {
            TreeView<?> tree = lookup("#schema-tree").queryAs(TreeView.class);
            return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                    .anyMatch(node -> node.toString().contains("sales.fact_transactions"));
        });

        Path saved = home.resolve("connections.json");
        assertThat(Files.readString(saved)).contains(TestServer.get().url()).contains(TestServer.ADMIN_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
    }

    @Test
    void saysSoWhenTheServerCannotBeReached() {
        enter("http://localhost:9", "any-key");

        waitUntil(15, "a message about the unreachable server", () -> message().contains("Cannot reach the server"));
        assertThat(message()).contains("Is the server running");
    }
}
