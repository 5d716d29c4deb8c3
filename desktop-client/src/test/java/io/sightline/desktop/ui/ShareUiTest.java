package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.support.SharedDashboards;
import io.sightline.desktop.support.TestServer;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;

/**
 * Sharing from a dashboard's tab in the real window: Share… opens the dialog, Create link makes the link, the
 * preview loads the server's page of it (the dashboard's name and its widget drawn in the page), Revoke… asks and
 * ends it, and the preview then shows what the link's viewers see: that it is no longer valid. Closing the dialog
 * unloads the page.
 */
class ShareUiTest extends WorkbenchWindowTest {

    @Test
    void createsALinkPreviewsItsPageAndRevokesIt() {
        String name = "shared in the window " + UUID.randomUUID().toString().substring(0, 8);
        Dashboard dashboard = new SharedDashboards(app.workbench().client()).topProducts(name);
        interact(() -> app.workbench().dashboards().open(dashboard));
        waitUntil(20, "the dashboard's tab", () -> shown() != null && shown().model().id() == dashboard.id());

        clickOn(fx(() -> shown().lookup("#dashboard-share")));
        waitUntil(10, "the Share dialog, read from the server", () -> lookup("#share-status").tryQuery().isPresent()
                && lookup("#share-status").queryAs(Label.class).getText().startsWith("Not shared"));
        assertThat(pageTitle()).as("nothing shared: the preview says so").isEqualTo("No link");

        clickOn("#share-create");
        waitUntil(10, "the link made", () -> !lookup("#share-url").queryAs(TextField.class).getText().isEmpty());
        String url = fx(() -> lookup("#share-url").queryAs(TextField.class).getText());
        assertThat(url).startsWith(TestServer.get().url() + "/public/dashboards/");
        assertThat(new DashboardsClient(app.workbench().client()).dashboard(dashboard.id()).publicUrl()).isEqualTo(url);
        waitUntil(60, "the shared page drawn in the preview", () -> name.equals(pageTitle())
                && Integer.valueOf(1).equals(script("document.querySelectorAll('section.widget').length")));
        assertThat(fx(() -> preview().getEngine().getLocation())).isEqualTo(url);
        waitUntil(60, "the widget's ten products drawn in the page", () -> Integer.valueOf(10).equals(
                script("document.querySelectorAll('section.widget[data-state=ready] tbody tr').length")));

        clickOn("#share-revoke");
        waitUntil(10, "the question", () -> lookup("#share-revoke-confirmation").tryQuery().isPresent());
        clickOn("Revoke");
        waitUntil(10, "the link revoked", () -> lookup("#share-status").queryAs(Label.class).getText()
                .startsWith("Not shared"));
        assertThat(new DashboardsClient(app.workbench().client()).dashboard(dashboard.id()).publicUrl()).isNull();
        waitUntil(30, "the preview showing what the link's viewers see now",
                () -> "Link no longer valid".equals(pageTitle()));

        WebView preview = fx(this::preview);
        clickOn("Close");
        waitUntil(10, "the closed dialog's page unloaded, its refreshes stopped",
                () -> "about:blank".equals(preview.getEngine().getLocation())
                        && preview.getEngine().getTitle() == null);
    }

    private DashboardView shown() {
        Tab tab = lookup("#editor-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
    }

    private WebView preview() {
        return lookup("#share-preview").queryAs(WebView.class);
    }

    private String pageTitle() {
        return fx(() -> preview().getEngine().getTitle());
    }

    private Object script(String expression) {
        return fx(() -> preview().getEngine().executeScript(expression));
    }
}
