package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.AlertDetail;
import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The alert editor's logic against the real server: columns and preview from the latest result, saving a new
 * alert, opening an existing one and saving its changes.
 */
class AlertEditorViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final RunsClient runsApi = new RunsClient(client);
    private final AlertsClient alerts = new AlertsClient(client);

    @Test
    void previewsValueAndStateAgainstTheLatestResultAndSaves() {
        long dataSource = dataSourcesApi.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long query = queriesApi.createQuery(new QueryDraft(dataSource, "editor " + marker, "",
                "SELECT 7 AS failed, 'eu' AS region UNION ALL SELECT 30, 'us'", List.of(), List.of(), null)).id();
        runsApi.runSaved(query, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> queriesApi.query(query).latestQueryDataId() != null);

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
        assertThat(alerts.alerts()).anyMatch(a -> a.id() == saved.get().id() && a.name().equals("editor alert " + marker));
    }

    @Test
    void opensAnExistingAlertAndSavesTheChangedThresholdKeepingWhatItDoesNotShow() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long query = ranQuery("existing " + marker, "SELECT 7 AS failed, 'eu' AS region");
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("column", "failed");
        options.put("op", ">=");
        options.put("value", 5);
        options.put("selector", "max");
        options.put("custom_subject", "{{ALERT_NAME}} went {{ALERT_STATUS}}");
        options.put("runbook", "https://wiki.example.com/failed-jobs");
        long id = alerts.createAlert("existing " + marker, query, options, 300).id();

        var editor = AlertEditorViewModel.existing(client, Tasks.serialUi(), id);
        assertThat(editor.editsExisting()).isTrue();
        editor.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !editor.columns().isEmpty());
        assertThat(editor.nameProperty().get()).isEqualTo("existing " + marker);
        assertThat(editor.columnProperty().get()).isEqualTo("failed");
        assertThat(editor.opProperty().get()).isEqualTo(">=");
        assertThat(editor.thresholdProperty().get()).isEqualTo("5");
        assertThat(editor.selectorProperty().get()).isEqualTo("max");
        assertThat(editor.rearmProperty().get()).isEqualTo("300");
        assertThat(editor.customSubjectProperty().get()).isEqualTo("{{ALERT_NAME}} went {{ALERT_STATUS}}");
        assertThat(editor.customBodyProperty().get()).isEmpty();
        assertThat(Double.parseDouble(editor.previewValueProperty().get())).as("the max of one row").isEqualTo(7);
        assertThat(editor.previewStateProperty().get()).isEqualTo("triggered");

        alerts.muteAlert(id, true); // from the alerts list while the editor is open
        editor.thresholdProperty().set("12");
        assertThat(editor.previewStateProperty().get()).isEqualTo("ok");
        AtomicReference<AlertSummary> saved = new AtomicReference<>();
        editor.save(saved::set);
        await().atMost(Duration.ofSeconds(10)).until(() -> saved.get() != null);
        assertThat(saved.get().id()).as("updated, not created anew").isEqualTo(id);

        AlertDetail stored = alerts.alert(id);
        assertThat(((Number) stored.options().get("value")).longValue()).isEqualTo(12);
        assertThat(stored.options()).containsEntry("op", ">=").containsEntry("selector", "max")
                .containsEntry("custom_subject", "{{ALERT_NAME}} went {{ALERT_STATUS}}")
                .containsEntry("runbook", "https://wiki.example.com/failed-jobs")
                .as("the mute made meanwhile is not undone").containsEntry("muted", true);
        assertThat(stored.rearm()).isEqualTo(300);
        assertThat(alerts.alerts().stream().filter(a -> a.name().equals("existing " + marker))).hasSize(1);
    }

    @Test
    void showsTheServersRefusalAndKeepsTheForm() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long query = ranQuery("refused " + marker, "SELECT 1 AS n");
        long id = alerts.createAlert("refused " + marker, query, Map.of("column", "n", "op", ">", "value", 5)).id();
        var editor = AlertEditorViewModel.existing(client, Tasks.serialUi(), id);
        editor.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> "n".equals(editor.columnProperty().get()));

        String tooLong = "x".repeat(300);
        editor.nameProperty().set(tooLong);
        editor.thresholdProperty().set("9");
        editor.save(saved -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> editor.messageProperty().get().contains("255"));
        assertThat(editor.messageProperty().get()).isEqualTo("'name' is longer than 255 characters");
        assertThat(editor.nameProperty().get()).isEqualTo(tooLong);
        assertThat(editor.thresholdProperty().get()).isEqualTo("9");
        assertThat(alerts.alert(id).options().get("value")).as("nothing stored").isEqualTo(5);
    }

    private long ranQuery(String name, String sql) {
        long dataSource = dataSourcesApi.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        long query = queriesApi.createQuery(new QueryDraft(dataSource, name, "", sql, List.of(), List.of(), null)).id();
        runsApi.runSaved(query, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> queriesApi.query(query).latestQueryDataId() != null);
        return query;
    }
}
