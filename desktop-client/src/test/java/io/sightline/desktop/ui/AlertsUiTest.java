package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.api.AlertSummary;
import io.sightline.desktop.api.AlertsClient;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.DestinationsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts list in the real window: Query → Alerts… shows an alert with its state, mutes it, and opens it in the
 * editor by a double-click.
 */
class AlertsUiTest extends UiSupport {

    @TempDir
    Path home;

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final AlertsClient adminAlerts = new AlertsClient(admin);
    private final DataSourcesClient adminDataSources = new DataSourcesClient(admin);
    private final DestinationsClient adminDestinations = new DestinationsClient(admin);
    private final QueriesClient adminQueries = new QueriesClient(admin);
    private final RunsClient adminRuns = new RunsClient(admin);

    @BeforeEach
    void start() throws Exception {
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    @Test
    void listsAlertsAndMutesTheChosenOne() {
        String name = "ui alert " + UUID.randomUUID().toString().substring(0, 8);
        AlertSummary alert = alertOnANewQuery(name, false);

        TableView<AlertSummary> table = openAlertsListShowing(alert);
        fx(() -> {
            table.getItems().stream().filter(a -> a.id() == alert.id()).findFirst()
                    .ifPresent(a -> table.getSelectionModel().select(a));
            return null;
        });
        clickOn("#alert-mute");
        waitUntil(10, "the alert muted", () -> lookup("#alerts-message").queryAs(Label.class).getText()
                .equals("\"" + name + "\" muted"));
        assertThat(adminAlerts.alerts().stream().filter(a -> a.id() == alert.id()).findFirst().orElseThrow().muted()).isTrue();
        snapshot("#alerts-table", "sightline-alerts-list.png");
    }

    @Test
    void doubleClickOpensTheAlertInTheEditorWithItsSubscriptions() {
        String name = "ui edited " + UUID.randomUUID().toString().substring(0, 8);
        AlertSummary alert = alertOnANewQuery(name, true);
        var alerts = adminAlerts;
        long ops = adminDestinations.saveDestination(null, "#ops " + name, "slack", Map.of("url", "http://127.0.0.1:9/hook")).id();
        alerts.subscribe(alert.id(), ops);

        TableView<AlertSummary> table = openAlertsListShowing(alert);
        fx(() -> {
            table.getItems().stream().filter(a -> a.id() == alert.id()).findFirst().ifPresent(table::scrollTo);
            return null;
        });
        waitUntil(5, "the alert's row drawn", () -> lookup(".table-row-cell").queryAll().stream()
                .anyMatch(row -> row instanceof TableRow<?> r && r.getItem() instanceof AlertSummary a
                        && a.id() == alert.id()));
        doubleClickOn(lookup(".table-row-cell").match(row -> row instanceof TableRow<?> r
                && r.getItem() instanceof AlertSummary a && a.id() == alert.id()).<TableRow<?>>query());

        waitUntil(10, "the editor filled", () -> lookup("#alert-name").tryQuery().isPresent()
                && name.equals(lookup("#alert-name").queryAs(TextField.class).getText())
                && lookup("#alert-preview-state").queryAs(Label.class).getText().equals("TRIGGERED"));
        waitUntil(10, "its subscription listed", () -> ((ListView<?>) lookup("#alert-subscriptions").query())
                .getItems().size() == 1);
        assertThat(fx(() -> lookup("#alert-threshold").queryAs(TextField.class).getText())).isEqualTo("1");
        snapshot("#alert-subscriptions", "sightline-alert-editor.png");

        fx(() -> {
            lookup("#alert-threshold").queryAs(TextField.class).setText("5");
            return null;
        });
        clickOn("#alert-save");
        waitUntil(10, "the alert saved", () -> lookup("#alert-message").queryAs(Label.class).getText()
                .equals("Saved \"" + name + "\""));
        assertThat(alerts.alert(alert.id()).options().get("value")).isEqualTo(5);
        waitUntil(10, "the list showing the new state", () -> lookup("#alerts-message").queryAs(Label.class).getText()
                .endsWith("alerts"));
    }

    @Test
    void adminOpensTheDestinationsScreen() {
        clickOn("Admin");
        clickOn("Alert destinations\u2026");
        waitUntil(10, "the destinations form", () -> lookup("#destination-name").tryQuery().isPresent());
        clickOn("#destination-name").write("ops mail");
        snapshot("#destination-name", "sightline-destinations.png");
    }

    /** An alert "n > 1" on a new demo query {@code SELECT 3 AS n}; {@code ran}: the query has a result already. */
    private AlertSummary alertOnANewQuery(String name, boolean ran) {
        long demo = adminDataSources.dataSources().stream().filter(ds -> ds.name().equals("Demo sales")).findFirst().orElseThrow()
                .id();
        long query = adminQueries.createQuery(new QueryDraft(demo, "watched " + name, "", "SELECT 3 AS n", List.of(), List.of(),
                null)).id();
        if (ran) {
            adminRuns.runSaved(query, Map.of());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adminQueries.query(query).latestQueryDataId() != null);
        }
        return adminAlerts.createAlert(name, query, Map.of("column", "n", "op", ">", "value", 1));
    }

    /** Query → Alerts…, once the list holds {@code alert}. */
    @SuppressWarnings("unchecked")
    private TableView<AlertSummary> openAlertsListShowing(AlertSummary alert) {
        clickOn("Query");
        clickOn("Alerts\u2026");
        waitUntil(10, "the alert listed", () -> lookup("#alerts-table").tryQuery().isPresent()
                && ((TableView<AlertSummary>) lookup("#alerts-table").query()).getItems().stream()
                .anyMatch(a -> a.id() == alert.id()));
        return fx(() -> (TableView<AlertSummary>) lookup("#alerts-table").query());
    }

    /** The window holding the node, as a PNG in the temporary directory (headless: from the scene graph). */
    private void snapshot(String selector, String file) {
        javafx.scene.image.WritableImage image = fx(() -> lookup(selector).query().getScene().snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var buffered = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(buffered, "png", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), file)
                    .toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
