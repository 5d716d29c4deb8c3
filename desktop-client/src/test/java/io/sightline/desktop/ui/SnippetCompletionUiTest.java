package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.SnippetsClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query snippet saved on the server, offered by the editor's completion under its trigger and filled in with Tab. */
class SnippetCompletionUiTest extends UiSupport {

    @TempDir
    Path home;

    private final String trigger = "top" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void start() throws Exception {
        new SnippetsClient(new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY)).saveQuerySnippet(null,
                trigger, "the first rows", "SELECT * FROM ${1:table} LIMIT ${2:10}");
        launchWorkbench(home);
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    @Test
    void aSnippetIsInsertedThroughCompletionAndTabVisitsItsStops() {
        clickOn(editor());
        write(trigger);
        press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitUntil(5, "the snippet offered", () -> lookup("#completion-list").tryQuery().isPresent()
                && lookup("#completion-list").queryListView().getItems().stream()
                .anyMatch(item -> item.toString().contains(trigger)));

        type(KeyCode.TAB);

        waitUntil(5, "the snippet's text", () -> editor().getText().equals("SELECT * FROM table LIMIT 10"));
        assertThat(fx(() -> editor().getSelectedText())).as("the first stop is selected").isEqualTo("table");
        write("sales.orders");
        type(KeyCode.TAB);
        assertThat(fx(() -> editor().getSelectedText())).as("Tab goes to the next stop").isEqualTo("10");
        write("5");
        assertThat(fx(() -> editor().getText())).isEqualTo("SELECT * FROM sales.orders LIMIT 5");
    }

    @Test
    void theAdminMenuManagesSnippetsThatCompletionThenOffers() {
        String made = "mk" + UUID.randomUUID().toString().substring(0, 6);
        waitUntil(10, "the snippets entry", () -> fx(() -> lookup("Admin").tryQuery().isPresent()));
        clickOn("Admin");
        clickOn("Query snippets\u2026");
        waitUntil(10, "the snippets list", () -> lookup("#snippets-list").tryQuery().isPresent()
                && !lookup("#snippets-list").queryListView().getItems().isEmpty());
        clickOn("#snippet-new");
        clickOn("#snippet-trigger").write(made);
        clickOn("#snippet-text").write("SELECT 42 AS answer");
        clickOn("#snippet-save");
        waitUntil(10, "the snippet created", () -> lookup("#snippet-message").queryAs(javafx.scene.control.Label.class)
                .getText().startsWith("Created"));
        assertThat(new SnippetsClient(new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY))
                .querySnippets())
                .anyMatch(snippet -> snippet.trigger().equals(made) && snippet.snippet().equals("SELECT 42 AS answer"));
    }
}
