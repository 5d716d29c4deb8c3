package io.sightline.desktop.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.share.ShareDialogViewModel.LinkState;
import io.sightline.desktop.support.SharedDashboards;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Share dialog's model against the real server: links made, copied, revoked, refused, expired, embedded. */
class ShareDialogViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DashboardsClient adminDashboards = new DashboardsClient(admin);
    private final SharedDashboards dashboards = new SharedDashboards(admin);
    private final List<String> clipboard = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.now(), ZONE);

    private ShareDialogViewModel dialog(Dashboard dashboard) {
        ShareDialogViewModel model = new ShareDialogViewModel(new SharesClient(admin), Tasks.serialUi(),
                dashboard.id(), clock, clipboard::add);
        model.load();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.nameProperty().get().equals(dashboard.name())
                && !model.statusProperty().get().isEmpty());
        return model;
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void sharesUntilALastDayCopiesTheLinkAndRevokesIt() {
        Dashboard dashboard = dashboards.topProducts("shared " + marker());
        ShareDialogViewModel model = dialog(dashboard);
        assertThat(model.stateProperty().get()).isEqualTo(LinkState.NONE);
        assertThat(model.statusProperty().get()).startsWith("Not shared");
        assertThat(model.previewUrlProperty().get()).as("nothing to preview").isEmpty();

        LocalDate lastDay = LocalDate.now(clock).plusDays(3);
        model.lastDayProperty().set(lastDay);
        model.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.stateProperty().get() == LinkState.ACTIVE);
        String url = model.publicUrlProperty().get();
        assertThat(url).startsWith(TestServer.get().url() + "/public/dashboards/");
        assertThat(model.expiresAtProperty().get().toInstant())
                .isEqualTo(lastDay.atTime(23, 59).atZone(ZONE).toInstant());
        assertThat(model.statusProperty().get()).isEqualTo("Shared until " + lastDay.getDayOfMonth() + " "
                + lastDay.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " " + lastDay.getYear() + ", 23:59.");
        assertThat(adminDashboards.dashboard(dashboard.id()).publicUrl()).as("the server's link").isEqualTo(url);
        assertThat(model.previewUrlProperty().get()).as("the preview shows the link").isEqualTo(url);
        assertThat(SharedDashboards.statusOf(url)).as("the page opens without signing in").isEqualTo(200);

        model.copyLink();
        await().atMost(Duration.ofSeconds(5)).until(() -> !clipboard.isEmpty());
        assertThat(clipboard).containsExactly(url);
        assertThat(model.messageProperty().get()).isEqualTo("Copied the link to the clipboard.");

        model.revoke();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.stateProperty().get() == LinkState.NONE);
        assertThat(model.publicUrlProperty().get()).isEmpty();
        assertThat(adminDashboards.dashboard(dashboard.id()).publicUrl()).as("no link on the server").isNull();
        assertThat(SharedDashboards.statusOf(url)).as("the old link no longer opens").isEqualTo(404);
        assertThat(model.previewUrlProperty().get()).as("the preview shows what the old link shows now")
                .isEqualTo(url);
        assertThat(model.messageProperty().get()).startsWith("Revoked");
    }

    @Test
    void showsTheServersRefusalOfAQueryAViewerCouldChange() {
        String query = "free text " + marker();
        Dashboard dashboard = dashboards.withTextParameter("unsafe " + marker(), query);
        ShareDialogViewModel model = dialog(dashboard);

        model.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> !model.errorProperty().get().isEmpty());
        assertThat(model.errorProperty().get()).contains("cannot be shared").contains("\"" + query + "\"");
        assertThat(model.stateProperty().get()).isEqualTo(LinkState.NONE);
        assertThat(adminDashboards.dashboard(dashboard.id()).publicUrl()).isNull();
    }

    @Test
    void refusesALastDayThatHasPassedWithoutAskingTheServer() {
        ShareDialogViewModel model = dialog(dashboards.topProducts("past " + marker()));
        model.lastDayProperty().set(LocalDate.now(clock).minusDays(1));
        model.share();
        assertThat(model.errorProperty().get()).contains("has passed");
        assertThat(model.stateProperty().get()).isEqualTo(LinkState.NONE);
    }

    @Test
    void aLinkPastItsLastDayIsShownExpired() {
        Dashboard dashboard = dashboards.topProducts("expiring " + marker());
        ShareDialogViewModel model = dialog(dashboard);
        model.lastDayProperty().set(LocalDate.now(clock).plusDays(1));
        model.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.stateProperty().get() == LinkState.ACTIVE);
        model.recheck();
        assertThat(model.stateProperty().get()).as("still within its last day").isEqualTo(LinkState.ACTIVE);

        clock.now = clock.now.plus(Duration.ofDays(3));
        model.recheck();
        assertThat(model.stateProperty().get()).isEqualTo(LinkState.EXPIRED);
        assertThat(model.statusProperty().get()).startsWith("Expired on ").contains("no longer works");
    }

    @Test
    void aDialogOpenedLaterFindsTheWorkingLinkAndWhenItEnds() {
        Dashboard dashboard = dashboards.topProducts("reopened " + marker());
        ShareDialogViewModel first = dialog(dashboard);
        first.lastDayProperty().set(LocalDate.now(clock).plusDays(2));
        first.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.stateProperty().get() == LinkState.ACTIVE);

        ShareDialogViewModel later = dialog(dashboard);
        await().atMost(Duration.ofSeconds(10)).until(() -> later.stateProperty().get() == LinkState.ACTIVE);
        assertThat(later.publicUrlProperty().get()).isEqualTo(first.publicUrlProperty().get());
        assertThat(later.previewUrlProperty().get()).isEqualTo(first.publicUrlProperty().get());
        assertThat(later.expiresAtProperty().get().toInstant()).as("the end the server keeps")
                .isEqualTo(first.expiresAtProperty().get().toInstant());
        assertThat(later.statusProperty().get()).isEqualTo(first.statusProperty().get());

        clock.now = clock.now.plus(Duration.ofDays(3));
        later.recheck();
        assertThat(later.stateProperty().get()).as("a reopened dialog knows the end too").isEqualTo(LinkState.EXPIRED);
    }

    @Test
    void makesAnEmbedLinkThatLocksAParameterAndShowsTheServersRefusalOfABadValue() {
        Dashboard dashboard = dashboards.topProducts("embedded " + marker());
        ShareDialogViewModel model = dialog(dashboard);
        EmbedLinkViewModel embed = model.embed();
        assertThat(embed.availableProperty().get()).as("no share link yet").isFalse();
        assertThat(embed.parameters()).extracting(LockedParameter::name).containsExactly("region");
        LockedParameter region = embed.parameters().get(0);
        assertThat(region.valueProperty().get()).as("the dashboard's own value").isEqualTo("EMEA");

        model.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> embed.availableProperty().get());
        region.lockedProperty().set(true);
        region.valueProperty().set("APAC");
        embed.make();
        await().atMost(Duration.ofSeconds(10)).until(() -> !embed.urlProperty().get().isEmpty());
        String url = embed.urlProperty().get();
        assertThat(url).startsWith(TestServer.get().url() + "/public/dashboards/")
                .isNotEqualTo(model.publicUrlProperty().get());
        assertThat(embed.statusProperty().get()).startsWith("Embed link locks region = APAC; works until ");
        assertThat(model.previewUrlProperty().get()).as("the preview shows the embed link").isEqualTo(url);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(SharedDashboards.bodyOf(TestServer.get().url() + "/api/dashboards/public/" + token))
                .as("the page gets the locked value").contains("\"locked_parameters\":{\"region\":\"APAC\"}");

        model.previewEmbedProperty().set(false);
        assertThat(model.previewUrlProperty().get()).isEqualTo(model.publicUrlProperty().get());

        embed.copy();
        await().atMost(Duration.ofSeconds(5)).until(() -> !clipboard.isEmpty());
        assertThat(clipboard).containsExactly(url);

        region.valueProperty().set("Mars");
        embed.make();
        await().atMost(Duration.ofSeconds(10)).until(() -> !model.errorProperty().get().isEmpty());
        assertThat(model.errorProperty().get()).contains("Mars");
    }

    @Test
    void asksForAValueOfALockedParameter() {
        ShareDialogViewModel model = dialog(dashboards.topProducts("no value " + marker()));
        model.share();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.embed().availableProperty().get());
        LockedParameter region = model.embed().parameters().get(0);
        region.lockedProperty().set(true);
        region.valueProperty().set(" ");
        model.embed().make();
        assertThat(model.errorProperty().get()).isEqualTo("Give 'region' a value to lock, or leave it free");
        assertThat(model.embed().urlProperty().get()).isEmpty();
    }

    /** A clock the test moves forward, to see a link's last day pass. */
    private static final class MovableClock extends Clock {
        volatile Instant now;
        private final ZoneId zone;

        MovableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
