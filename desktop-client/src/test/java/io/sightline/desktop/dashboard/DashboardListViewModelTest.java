package io.sightline.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.PermissionsClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The navigator's dashboards list against the real server. */
class DashboardListViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DashboardsClient dashboardsApi = new DashboardsClient(client);
    private final PermissionsClient permissionsApi = new PermissionsClient(client);
    private final UsersClient usersApi = new UsersClient(client);
    private final DashboardListViewModel list = new DashboardListViewModel(dashboardsApi,
            new SharesClient(client), new SessionClient(client).session(), Tasks.serialUi());
    private final String marker = "board" + UUID.randomUUID().toString().substring(0, 8);

    private void showing(String... names) {
        await().atMost(Duration.ofSeconds(10)).until(() -> list.dashboards().stream().map(Dashboard::name).toList()
                .equals(List.of(names)));
    }

    @Test
    void listsDashboardsNewestFirstAndShowsTheDetailsOfTheOpenedOne() {
        dashboardsApi.createDashboard(marker + " older", List.of());
        dashboardsApi.createDashboard(marker + " newer", List.of("sales", "weekly"));
        list.searchProperty().set(marker);

        list.reload();
        showing(marker + " newer", marker + " older");

        list.open(list.dashboards().get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> list.openedProperty().get() != null);
        String details = DashboardListViewModel.details(list.openedProperty().get());
        assertThat(details).startsWith(marker + " newer\n").contains("Tags: #sales #weekly")
                .contains("Widgets: 0");
    }

    @Test
    void favouritesOnlyShowsTheStarredOnes() {
        dashboardsApi.createDashboard(marker + " plain", List.of());
        dashboardsApi.createDashboard(marker + " starred", List.of());
        list.searchProperty().set(marker);
        list.reload();
        showing(marker + " starred", marker + " plain");

        list.toggleFavorite(list.dashboards().get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> list.dashboards().get(0).favorite());
        list.favoritesOnlyProperty().set(true);

        showing(marker + " starred");
        list.toggleFavorite(list.dashboards().get(0));
        showing();
        assertThat(list.messageProperty().get()).isEqualTo("No dashboard matches \"" + marker + "\".");
    }

    @Test
    void theDemoDashboardIsThereOnAFreshServer() {
        list.reload();
        await().atMost(Duration.ofSeconds(10)).until(() -> list.dashboards().stream()
                .anyMatch(d -> d.name().equals("Demo sales overview") && d.tags().contains("demo")));
    }

    @Test
    void aUserTheDashboardWasGrantedToMayEditItButNotShareItOrManageItsPermissions() {
        Dashboard board = dashboardsApi.createDashboard(marker + " granted", List.of());
        User grantee = usersApi.createUser("Grantee " + marker, "grantee-" + marker + "@example.com", null);
        permissionsApi.grant(PermissionsClient.Kind.DASHBOARD, board.id(), grantee.id());
        SightlineClient granteeClient = new SightlineClient(TestServer.get().url(), grantee.apiKey());
        DashboardsClient granteeDashboards = new DashboardsClient(granteeClient);
        SharesClient granteeShares = new SharesClient(granteeClient);

        DashboardViewModel asGrantee = opened(new DashboardListViewModel(granteeDashboards, granteeShares,
                new SessionClient(granteeClient).session(), Tasks.serialUi()), board);
        assertThat(asGrantee.canEditProperty().get()).as("granted: may edit").isTrue();
        assertThat(asGrantee.canShareProperty().get()).as("sharing is the owner's and the admins'").isFalse();

        DashboardViewModel asAdmin = opened(list, board);
        assertThat(asAdmin.canEditProperty().get()).isTrue();
        assertThat(asAdmin.canShareProperty().get()).isTrue();
    }

    private static DashboardViewModel opened(DashboardListViewModel list, Dashboard board) {
        list.open(board);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.shownProperty().get() != null);
        return list.shownProperty().get();
    }
}
