package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The alert editor's logic against the real server: columns and preview from the latest result, saving. */
class AlertEditorViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);

    @Test
    void previewsValueAndStateAgainstTheLatestResultAndSaves() {
        long dataSource = client.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long query = client.createQuery(new QueryDraft(dataSource, "editor " + marker, "",
                "SELECT 7 AS failed, 'eu' AS region UNION ALL SELECT 30, 'us'", List.of(), List.of(), null)).id();
        client.runSaved(query, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.query(query).latestQueryDataId() != null);

        var editor = new AlertEditorViewModel(client, Tasks.serialUi(), query);
        editor.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !editor.columns().isEmpty());
        assertThat(editor.columns()).containsExactly("failed", "region");
        assertThat(editor.columnProperty().get()).isEqualTo("failed");

        editor.thresholdProperty().set("5");
        assertThat(editor.previewValueProperty().get()).isEqualTo("7");
        assertThat(editor.previewStateProperty().get()).isEqualTo("triggered");
        editor.thresholdProperty().set("10");
        assertThat(editor.previewStateProperty().get()).isEqualTo("ok");
        editor.selectorProperty().set("max");
        assertThat(editor.previewStateProperty().get()).as("max is 30").isEqualTo("triggered");

        editor.rearmProperty().set("soon");
        editor.save(saved -> { });
        assertThat(editor.messageProperty().get()).contains("Rearm");

        editor.rearmProperty().set("600");
        editor.nameProperty().set("editor alert " + marker);
        AtomicReference<AlertSummary> saved = new AtomicReference<>();
        editor.save(saved::set);
        await().atMost(Duration.ofSeconds(10)).until(() -> saved.get() != null);
        assertThat(client.alerts()).anyMatch(a -> a.id() == saved.get().id() && a.name().equals("editor alert " + marker));
    }
}
