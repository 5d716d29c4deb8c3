package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alerts list's logic against the real server: what it lists, and muting. */
class AlertListViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final AlertsClient alertsApi = new AlertsClient(client);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final AlertListViewModel alerts = new AlertListViewModel(client, Tasks.serialUi());

    @Test
    void listsAlertsWithTheirStateAndMutesThem() {
        long dataSource = dataSourcesApi.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        String name = "desk alert " + UUID.randomUUID().toString().substring(0, 8);
        long query = queriesApi.createQuery(new QueryDraft(dataSource, "alerted " + name, "", "SELECT 1 AS n", java.util.List.of(), java.util.List.of(), null)).id();
        AlertSummary created = alertsApi.createAlert(name, query, Map.of("column", "n", "op", ">", "value", 5));

        alerts.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.alerts().stream().anyMatch(a -> a.id() == created.id()));
        AlertSummary listed = alerts.alerts().stream().filter(a -> a.id() == created.id()).findFirst().orElseThrow();
        assertThat(listed.queryName()).isEqualTo("alerted " + name);
        assertThat(AlertListViewModel.stateText(listed)).isEqualTo("unknown");
        assertThat(listed.lastTriggeredAt()).isNull();
        assertThat(listed.muted()).isFalse();

        alerts.setMuted(listed, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.alerts().stream()
                .anyMatch(a -> a.id() == created.id() && a.muted()));
        assertThat(alerts.messageProperty().get()).isEqualTo("\"" + name + "\" muted");
        assertThat(alertsApi.alerts().stream().filter(a -> a.id() == created.id()).findFirst().orElseThrow().muted())
                .as("stored on the server").isTrue();
    }

    @Test
    void deletesAnAlertAndReloadsAfterItsEditorSaves() {
        long dataSource = dataSourcesApi.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        String name = "doomed " + UUID.randomUUID().toString().substring(0, 8);
        long query = queriesApi.createQuery(new QueryDraft(dataSource, "alerted " + name, "", "SELECT 1 AS n",
                java.util.List.of(), java.util.List.of(), null)).id();
        AlertSummary doomed = alertsApi.createAlert(name, query, Map.of("column", "n", "op", ">", "value", 5));
        AlertSummary renamed = alertsApi.createAlert(name + " kept", query, Map.of("column", "n", "op", ">", "value", 5));
        alerts.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.alerts().stream().anyMatch(a -> a.id() == doomed.id()));

        alerts.delete(doomed);
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.alerts().stream().noneMatch(a -> a.id() == doomed.id()));
        assertThat(alerts.messageProperty().get()).isEqualTo("Deleted \"" + name + "\"");
        assertThat(alertsApi.alerts()).as("gone on the server").noneMatch(a -> a.id() == doomed.id());

        AlertEditorViewModel editor = alerts.editor(renamed);
        editor.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> editor.nameProperty().get().equals(name + " kept"));
        editor.nameProperty().set(name + " renamed");
        editor.save(saved -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.alerts().stream()
                .anyMatch(a -> a.id() == renamed.id() && a.name().equals(name + " renamed")));
    }
}
