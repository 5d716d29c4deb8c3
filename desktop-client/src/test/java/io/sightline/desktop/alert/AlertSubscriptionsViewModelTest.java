package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.desktop.api.AlertSubscription;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An alert's subscriptions in its editor, against the real server: through a destination, and "email me". */
class AlertSubscriptionsViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final DestinationsClient destinationsApi = new DestinationsClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final AlertsClient alerts = new AlertsClient(client);

    @Test
    void addsASubscriptionThroughADestinationAndRemovesIt() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long alert = alert("subscribed " + marker);
        String channel = "#ops " + marker;
        long destination = destinationsApi.saveDestination(null, channel, "slack", Map.of("url", "http://127.0.0.1:9/hook"))
                .id();
        var subscriptions = new AlertSubscriptionsViewModel(alerts, Tasks.serialUi(), alert);
        subscriptions.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.targets().stream()
                .anyMatch(t -> t.label().equals(channel + " (slack)")));
        assertThat(subscriptions.subscriptions()).isEmpty();
        assertThat(subscriptions.targets().get(0).label()).isEqualTo("Email me (server mail)");

        subscriptions.targetProperty().set(subscriptions.targets().stream()
                .filter(t -> t.label().equals(channel + " (slack)")).findFirst().orElseThrow());
        subscriptions.add();
        await().atMost(Duration.ofSeconds(10)).until(() -> !subscriptions.subscriptions().isEmpty());
        AlertSubscription added = subscriptions.subscriptions().get(0);
        assertThat(AlertSubscriptionsViewModel.label(added)).isEqualTo(channel + " (slack)");
        assertThat(subscriptions.messageProperty().get()).isEqualTo("Added " + channel + " (slack)");
        assertThat(alerts.subscriptions(alert)).singleElement()
                .satisfies(s -> assertThat(s.destination().id()).isEqualTo(destination));

        var reopened = new AlertSubscriptionsViewModel(alerts, Tasks.serialUi(), alert);
        reopened.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> !reopened.subscriptions().isEmpty());
        assertThat(AlertSubscriptionsViewModel.label(reopened.subscriptions().get(0))).isEqualTo(channel + " (slack)");

        subscriptions.remove(added);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.subscriptions().isEmpty());
        assertThat(alerts.subscriptions(alert)).as("removed on the server").isEmpty();
    }

    @Test
    void saysWhyTheServerRefusesEmailMe() {
        long alert = alert("mailed " + UUID.randomUUID().toString().substring(0, 8));
        var subscriptions = new AlertSubscriptionsViewModel(alerts, Tasks.serialUi(), alert);
        subscriptions.load();
        subscriptions.add(); // "Email me (server mail)" is chosen first; this test server has no mail server
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.messageProperty().get()
                .contains("destination_id"));
        assertThat(subscriptions.messageProperty().get()).contains("no mail server").contains("SIGHTLINE_MAIL_HOST");
        assertThat(subscriptions.subscriptions()).isEmpty();
    }

    @Test
    void labelsAnEmailSubscriptionWithTheSubscribersAddress() {
        var mine = new AlertSubscription(1, new AlertSubscription.Subscriber(2, "Ann", "ann@example.com"), null);
        assertThat(AlertSubscriptionsViewModel.label(mine)).isEqualTo("Email me (ann@example.com)");
    }

    private long alert(String name) {
        long dataSource = dataSourcesApi.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst()
                .orElseThrow().id();
        long query = queriesApi.createQuery(new QueryDraft(dataSource, name, "", "SELECT 1 AS n", List.of(), List.of(),
                null)).id();
        return alerts.createAlert(name, query, Map.of("column", "n", "op", ">", "value", 5)).id();
    }
}
