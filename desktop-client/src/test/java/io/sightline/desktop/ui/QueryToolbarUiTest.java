package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The editor toolbar of a draft query on a data source with a long name, in a window 1280 px wide (the workbench's
 * default): the buttons a user reaches for are in the toolbar itself, not behind its overflow arrow, and stay there
 * while a query runs (the run's status then pushes only the earlier-results chooser into the overflow menu).
 */
class QueryToolbarUiTest extends WorkbenchWindowTest {

    @Test
    void aDraftOnALongNamedDataSourceKeepsPublishHistoryAndPermissionsInTheToolbarAt1280() {
        SightlineClient client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> h2 = Map.of("url", "jdbc:h2:mem:toolbar" + marker + ";DB_CLOSE_DELAY=-1");
        long source = dataSourcesApi.createDataSource("Regional sales warehouse replica for the finance team " + marker,
                "h2", h2);
        showsTheDraftsButtonsInTheToolbar(client, source, marker);
    }

    private void showsTheDraftsButtonsInTheToolbar(SightlineClient client, long source, String marker) {
        var created = new QueriesClient(client).createQuery(new QueryDraft(source, "Toolbar draft " + marker, "", "SELECT 1 AS n",
                List.of(), List.of(), null));
        assertThat(created.draft()).isTrue();
        Stage window = FxToolkit.toolkitContext().getRegisteredStage();
        interact(() -> app.workbench().schema().loadDataSources());
        waitUntil(15, "the new data source listed", () -> app.workbench().schema().dataSources().stream()
                .anyMatch(ds -> ds.id() == source));
        interact(() -> app.workbench().openQuery(created.id()));
        waitUntil(15, "the draft open on its data source", () -> editor().getText().equals("SELECT 1 AS n")
                && inTab("#draft-marker", Node.class).isVisible()
                && inTab("#tab-data-source", javafx.scene.control.ComboBox.class).getValue() != null);

        assertThat(fx(window::getWidth)).as("the workbench's default width").isEqualTo(1280.0);
        for (String button : List.of("#run-button", "#cancel-button", "#tab-data-source", "#result-history",
                "#draft-marker", "#save-button", "#publish-button", "#history-button", "#permissions-button")) {
            assertThat(fx(() -> inToolbar(button))).as(button + " in the toolbar, not its overflow menu").isTrue();
        }
    }

    @Test
    void whileADraftRunsItsButtonsStayInTheToolbarAt1280() {
        SightlineClient client = app.workbench().client();
        QueriesClient queriesApi = new QueriesClient(client);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long demo = fx(() -> app.workbench().schema().dataSources().stream()
                .filter(ds -> ds.name().equals("Demo sales")).findFirst().orElseThrow().id());
        var created = queriesApi.createQuery(new QueryDraft(demo, "Toolbar running " + marker, "",
                "SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3", List.of(), List.of(), null));
        interact(() -> app.workbench().openQuery(created.id()));
        waitUntil(15, "the draft open", () -> inTab("#draft-marker", Node.class).isVisible());

        clickOn(inTab("#run-button", Node.class));
        waitUntil(30, "the run under way for over a second", () -> fx(() -> ((javafx.scene.control.Label)
                inTab("#run-status", Node.class)).getText()).matches("Running \\u00B7 [1-9][0-9.]* s"));
        try {
            for (String button : List.of("#draft-marker", "#save-button", "#publish-button", "#history-button",
                    "#permissions-button")) {
                assertThat(fx(() -> inToolbar(button))).as(button + " in the toolbar while the query runs").isTrue();
            }
        } finally {
            clickOn(inTab("#cancel-button", Node.class));
            waitUntil(15, "the run cancelled", () -> fx(() -> inTab("#cancel-button", Node.class).isDisabled()));
        }
    }

    /** Shown within the toolbar's bounds: a toolbar leaves the items that do not fit out of its scene graph. */
    private boolean inToolbar(String selector) {
        Node node = inTab(selector, Node.class);
        Node toolbar = node; // an item in the overflow menu is not in the scene graph at all: no toolbar above it
        while (toolbar != null && !(toolbar instanceof ToolBar)) {
            toolbar = toolbar.getParent();
        }
        if (toolbar == null || !node.isVisible()) {
            return false;
        }
        Bounds bar = toolbar.localToScene(toolbar.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        return bar.contains(shown);
    }
}
