package io.sightline.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.task.BackgroundTasks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draft dashboard (as Redash's {@code POST /api/dashboards} makes every one, and a fork) is marked and published
 * from the dashboard view; what the desktop creates itself is published at once. Against the real server.
 */
class DashboardPublishTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DashboardsClient dashboards = new DashboardsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();
    private final String marker = "publish " + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDraftIsPublishedAndThenEditedWithoutAConflict() throws Exception {
        long id = draftAsRedashMakesIt(marker);
        DashboardViewModel model = new DashboardViewModel(dashboards, new SharesClient(client), tasks,
                DashboardViewModel.managedBy(new SessionClient(client).session()), dashboards.dashboard(id));
        assertThat(model.draftProperty().get()).isTrue();

        model.publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> !model.draftProperty().get()
                && !model.publishingProperty().get());

        Dashboard onServer = dashboards.dashboard(id);
        assertThat(onServer.draft()).isFalse();
        assertThat(model.version()).as("edits claim the version the publish made").isEqualTo(onServer.version());
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void whatTheDesktopCreatesIsPublished() {
        assertThat(dashboards.createDashboard(marker + " own", List.of()).draft()).isFalse();
    }

    private static long draftAsRedashMakesIt(String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.get().url() + "/api/dashboards"))
                .header("Authorization", "Key " + TestServer.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("name", name))))
                .build();
        HttpResponse<String> created = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        var dashboard = JSON.readTree(created.body());
        assertThat(dashboard.path("is_draft").asBoolean()).isTrue();
        return dashboard.path("id").asLong();
    }
}
