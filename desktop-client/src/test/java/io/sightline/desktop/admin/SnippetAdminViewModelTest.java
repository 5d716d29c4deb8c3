package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.SnippetsClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Query snippets screen's logic against the real server: create, change, delete, refusals shown. */
class SnippetAdminViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final SnippetsClient snippetsApi = new SnippetsClient(client);
    private final SnippetAdminViewModel admin = new SnippetAdminViewModel(snippetsApi, Tasks.serialUi());
    private final String trigger = "adm" + UUID.randomUUID().toString().substring(0, 8);

    private void awaitMessage(String start) {
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().startsWith(start));
    }

    @Test
    void createsChangesAndDeletesASnippetOnTheServer() {
        admin.load();
        admin.startNew();
        admin.triggerProperty().set(trigger);
        admin.descriptionProperty().set("first rows");
        admin.textProperty().set("SELECT * FROM ${1:table} LIMIT 10");
        admin.save();
        awaitMessage("Created");
        assertThat(snippetsApi.querySnippets()).anyMatch(s -> s.trigger().equals(trigger)
                && s.snippet().equals("SELECT * FROM ${1:table} LIMIT 10"));

        admin.textProperty().set("SELECT * FROM ${1:table} LIMIT ${2:5}");
        admin.save();
        awaitMessage("Saved");
        assertThat(snippetsApi.querySnippets()).filteredOn(s -> s.trigger().equals(trigger)).singleElement()
                .satisfies(s -> assertThat(s.snippet()).endsWith("${2:5}"));

        admin.delete();
        awaitMessage("Deleted");
        assertThat(snippetsApi.querySnippets()).noneMatch(s -> s.trigger().equals(trigger));
    }

    @Test
    void theServersRefusalIsShown() {
        snippetsApi.saveQuerySnippet(null, trigger, "", "SELECT 1");
        admin.load();
        admin.startNew();
        admin.triggerProperty().set(trigger);
        admin.textProperty().set("SELECT 2");
        admin.save();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageProperty().get().contains("already exists"));
        assertThat(admin.messageProperty().get()).contains(trigger);

        admin.startNew();
        admin.save();
        assertThat(admin.messageProperty().get()).isEqualTo("A snippet needs a trigger and its text");
    }
}
