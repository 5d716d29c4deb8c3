package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.query.Query;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.editor.Completion;
import io.sightline.desktop.results.ResultRow;
import io.sightline.desktop.support.TestServer;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The main window against the real server: write SQL, fill parameters, run, cancel, save and reopen. */
class WorkbenchUiTest extends WorkbenchWindowTest {

    private String status() {
        return fx(() -> inTab("#run-status", Label.class).getText());
    }

    private void typeSql(String sql) {
        clickOn(editor());
        write(sql);
        focusMainWindow();
        type(KeyCode.ESCAPE); // closes the completion list the dots opened
    }

    @Test
    void runsAQueryWithADateRangeTypedIntoTheFormAndShowsTheRightRows() {
        typeSql("SELECT day, region, revenue FROM sales.daily_revenue WHERE day BETWEEN '{{ period.start }}'"
                + " AND '{{ period.end }}' ORDER BY day, region");
        waitUntil(5, "the date range fields", () -> inTab("#param-period-start", DatePicker.class) != null);

        clickOn(inTab("#param-period-start", DatePicker.class).getEditor()).write("2024-01-01");
        clickOn(inTab("#param-period-end", DatePicker.class).getEditor()).write("2024-01-07");
        clickOn(editor()).press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(30, "28 rows (7 days, 4 regions)", () -> inTab("#result-summary", Label.class).getText()
                .startsWith("28 rows"));
        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = inTab("#result-table", TableView.class);
        assertThat(fx(() -> table.getItems().get(0).value(0))).isEqualTo("2024-01-01");
        assertThat(fx(() -> table.getItems().get(27).value(0))).isEqualTo("2024-01-07");
        assertThat(fx(() -> table.getColumns().get(1).getText())).isEqualTo("day");
        assertThat(status()).startsWith("Done");
    }

    @Test
    void flagsAnInvalidNumberInPlace() {
        typeSql("SELECT {{ n }} AS n");
        waitUntil(5, "the parameter field", () -> inTab("#param-n-type", javafx.scene.control.ComboBox.class) != null);
        interact(() -> inTab("#param-n-type", javafx.scene.control.ComboBox.class)
                .getSelectionModel().select(io.sightline.common.parameter.ParameterType.NUMBER));

        clickOn(inTab("#param-n", javafx.scene.control.TextField.class)).write("12x");

        waitUntil(5, "the problem under the field", () -> inTab("#param-n-error", Label.class).isVisible());
        assertThat(fx(() -> inTab("#param-n-error", Label.class).getText())).contains("12x");
        javafx.scene.control.TextField number = inTab("#param-n", javafx.scene.control.TextField.class);
        clickOn(number);
        interact(number::selectAll);
        write("12"); // replaces the selection
        waitUntil(5, "the problem gone", () -> !inTab("#param-n-error", Label.class).isVisible());
    }

    @Test
    void cancelsASlowQueryOnTheServer() {
        typeSql("SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3");
        clickOn(inTab("#run-button", Button.class));
        waitUntil(15, "the query running", () -> status().startsWith("Running"));

        clickOn(inTab("#cancel-button", Button.class));

        waitUntil(15, "the run cancelled", () -> status().startsWith("Cancelled"));
        assertThat(fx(() -> inTab("#cancel-button", Button.class).isDisabled())).isTrue();
        assertThat(fx(() -> inTab("#run-button", Button.class).isDisabled())).isFalse();
    }

    @Test
    void showsTheDatabaseErrorNextToTheEditor() {
        typeSql("SELECT * FROM no_such_table");
        clickOn(inTab("#run-button", Button.class));

        waitUntil(15, "the error", () -> inTab("#run-error", javafx.scene.control.TextArea.class).isVisible());
        assertThat(fx(() -> inTab("#run-error", javafx.scene.control.TextArea.class).getText())).contains("no_such_table");
        assertThat(status()).startsWith("Failed");
    }

    @Test
    void completesTheColumnsOfAnAlias() {
        typeSql("SELECT * FROM sales.dim_customer c WHERE c");
        write(".");
        waitUntil(5, "the completion list", () -> lookup("#completion-list").tryQuery().isPresent()
                && lookup("#completion-list").query().isVisible());
        @SuppressWarnings("unchecked")
        ListView<Completion.Suggestion> list = lookup("#completion-list").queryAs(ListView.class);
        assertThat(fx(() -> list.getItems().stream().map(Completion.Suggestion::text).toList()))
                .contains("customer_id", "segment", "country");

        write("seg").type(KeyCode.ENTER);

        waitUntil(5, "the column inserted", () -> editor().getText().endsWith("WHERE c.segment"));
    }

    @Test
    void savesAQueryAndReopensItFromTheList() {
        String name = "Desktop UI " + UUID.randomUUID().toString().substring(0, 8);
        typeSql("SELECT 'saved from the window' AS greeting");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(5, "the save dialog", () -> lookup("#query-name-field").tryQuery().isPresent());
        clickOn("#query-name-field").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(name).type(KeyCode.ENTER);
        waitUntil(15, "the tab named after the saved query", () -> lookup("#editor-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText().equals(name));
        Long id = fx(() -> app.workbench().selectedProperty().get().queryIdProperty().get());
        assertThat(id).isNotNull();

        press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(5, "the tab closed", () -> lookup("#editor-tabs").queryAs(TabPane.class).getTabs().isEmpty());
        clickOn("Queries");
        clickOn("#query-search").write(name);
        @SuppressWarnings("unchecked")
        ListView<Query> list = lookup("#query-list").queryAs(ListView.class);
        waitUntil(15, "the saved query found", () -> list.getItems().size() == 1
                && list.getItems().get(0).name().equals(name));
        doubleClickOn(lookup("#query-list .query-name").queryAs(Label.class));

        waitUntil(15, "the query reopened", () -> !lookup("#editor-tabs").queryAs(TabPane.class).getTabs().isEmpty()
                && editor().getText().equals("SELECT 'saved from the window' AS greeting"));
        assertThat(fx(() -> lookup("#editor-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getText())).isEqualTo(name);
    }

    @Test
    void comparesTwoVersionsAndRestoresTheOlderOne() {
        var client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        String name = "Desktop history " + UUID.randomUUID().toString().substring(0, 8);
        long source = dataSourcesApi.dataSources().get(0).id();
        var created = queriesApi.createQuery(new io.sightline.desktop.api.QueryDraft(source, name, "", "SELECT 'v1' AS v",
                java.util.List.of(), java.util.List.of(), null));
        // left a draft, as a new query is: its saves are versions too (as Redash records a change per save of a
        // draft), and its toolbar, Draft marker and Publish button included, has History in view at 1280 px
        assertThat(created.draft()).isTrue();
        queriesApi.updateQuery(created.id(), new io.sightline.desktop.api.QueryDraft(source, name, "", "SELECT 'v2' AS v",
                java.util.List.of(), java.util.List.of(), created.version()));
        interact(() -> app.workbench().openQuery(created.id()));
        waitUntil(15, "the query open", () -> editor().getText().equals("SELECT 'v2' AS v"));

        clickOn(inTab("#history-button", Button.class));
        waitUntil(10, "the diff of the last two versions", () -> lookup("#version-diff").tryQuery().isPresent()
                && lookup("#version-diff").queryAs(ListView.class).getItems().size() == 2);
        @SuppressWarnings("unchecked")
        ListView<io.sightline.desktop.query.LineDiff.Line> diff = lookup("#version-diff").queryAs(ListView.class);
        assertThat(fx(() -> diff.getItems().stream().map(l -> l.kind() + " " + l.text()).toList()))
                .containsExactly("REMOVED SELECT 'v1' AS v", "ADDED SELECT 'v2' AS v");

        @SuppressWarnings("unchecked")
        ListView<io.sightline.common.api.query.QueryVersion> versions = lookup("#version-list").queryAs(ListView.class);
        interact(() -> versions.getSelectionModel().select(versions.getItems().stream()
                .filter(v -> v.version() == 1).findFirst().orElseThrow()));
        clickOn("#restore-version");

        waitUntil(10, "version 1 in the editor", () -> editor().getText().equals("SELECT 'v1' AS v"));
        assertThat(fx(() -> lookup("#editor-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getText())).isEqualTo(name + " \u25CF");
    }

    @Test
    void switchesToTheDarkThemeAndListsTheShortcuts() {
        clickOn("View").clickOn("Dark theme");
        waitUntil(5, "the dark style sheet", () -> editor().getScene().getStylesheets().stream()
                .anyMatch(sheet -> sheet.endsWith("dark.css")));

        focusMainWindow();
        type(KeyCode.F1);
        waitUntil(5, "the shortcuts dialog", () -> lookup("Ctrl+Enter").tryQuery().isPresent());
        assertThat(lookup("Run all, or the selected text").tryQuery()).isPresent();
    }

    @Test
    void reopensTheTabsAndUnsavedTextAfterARestart() throws Exception {
        typeSql("SELECT 'kept across restarts' AS note");
        waitUntil(5, "the unsaved marker", () -> app.workbench().selectedProperty().get().dirty().get());

        close();
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);

        waitUntil(20, "the restored tab", () -> lookup("#sql-area").tryQuery().isPresent()
                && editor().getText().equals("SELECT 'kept across restarts' AS note"));
        assertThat(fx(() -> app.workbench().tabs().size())).isEqualTo(1);
    }

    @Test
    void findsAndReplacesInTheEditor() {
        typeSql("SELECT region, SUM(amount) FROM sales.fact_transactions GROUP BY region");
        focusMainWindow();
        clickOn(editor()).press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(5, "the find bar", () -> inTab("#find-field", javafx.scene.control.TextField.class).isVisible());

        write("region");
        waitUntil(5, "the matches counted", () -> inTab("#find-count", Label.class).getText().equals("2 matches"));
        clickOn(inTab("#replace-field", javafx.scene.control.TextField.class)).write("country");
        clickOn(inTab("#replace-all", Button.class));

        waitUntil(5, "both replaced", () -> editor().getText()
                .equals("SELECT country, SUM(amount) FROM sales.fact_transactions GROUP BY country"));
    }

    @Test
    void sortsAndFiltersASmallResultInTheGrid() {
        typeSql("SELECT range AS n, 'row ' || range AS label FROM range(50)");
        clickOn(inTab("#run-button", Button.class));
        waitUntil(20, "50 rows, held whole", () -> inTab("#result-summary", Label.class).getText().startsWith("50 rows")
                && !inTab("#result-filter", javafx.scene.control.TextField.class).isDisabled());
        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = inTab("#result-table", TableView.class);

        clickOn("n").clickOn("n"); // the column header: ascending, then descending
        waitUntil(5, "sorted by n, descending", () -> Long.valueOf(49).equals(table.getItems().get(0).value(0)));

        clickOn(inTab("#result-filter", javafx.scene.control.TextField.class)).write("row 4");
        waitUntil(5, "the rows whose label has 'row 4'", () -> table.getItems().size() == 11);
        assertThat(fx(() -> inTab("#result-shown", Label.class).getText())).isEqualTo("11 shown");
    }

    @Test
    void aDraftQueryIsMarkedAndPublishedFromTheToolbar() {
        var client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        String name = "Desktop draft " + UUID.randomUUID().toString().substring(0, 8);
        var created = queriesApi.createQuery(new io.sightline.desktop.api.QueryDraft(dataSourcesApi.dataSources().get(0).id(),
                name, "", "SELECT 'draft' AS d", java.util.List.of(), java.util.List.of(), null));
        assertThat(created.draft()).isTrue();
        clickOn("Queries");
        clickOn("#query-search").write(name);
        @SuppressWarnings("unchecked")
        ListView<Query> list = lookup("#query-list").queryAs(ListView.class);
        waitUntil(15, "the draft listed with its marker", () -> list.getItems().size() == 1
                && list.getItems().get(0).name().equals(name)
                && lookup("#query-list .draft-marker").tryQuery().filter(Node::isVisible).isPresent());

        interact(() -> app.workbench().openQuery(created.id()));
        waitUntil(15, "the query open", () -> editor().getText().equals("SELECT 'draft' AS d"));
        assertThat(fx(() -> inTab("#draft-marker", Label.class).isVisible())).isTrue();
        Button publish = inTab("#publish-button", Button.class);
        assertThat(fx(publish::isVisible)).isTrue();

        clickOn(publish);

        waitUntil(15, "the Publish button gone", () -> !fx(publish::isVisible));
        assertThat(fx(() -> inTab("#draft-marker", Label.class).isVisible())).isFalse();
        assertThat(queriesApi.query(created.id()).draft()).as("published on the server").isFalse();
        assertThat(fx(() -> inTab("#tab-message", Label.class).getText())).startsWith("Published");
    }

    @Test
    void explainsASaveConflictAndOverwritesWhenAsked() {
        var client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        String name = "Desktop conflict " + UUID.randomUUID().toString().substring(0, 8);
        long source = dataSourcesApi.dataSources().get(0).id();
        var created = queriesApi.createQuery(new io.sightline.desktop.api.QueryDraft(source, name, "", "SELECT 'v1' AS v",
                java.util.List.of(), java.util.List.of(), null));
        interact(() -> app.workbench().openQuery(created.id()));
        waitUntil(15, "the query open", () -> editor().getText().equals("SELECT 'v1' AS v"));
        queriesApi.updateQuery(created.id(), new io.sightline.desktop.api.QueryDraft(source, name, "",
                "SELECT 'theirs' AS v", java.util.List.of(), java.util.List.of(), created.version()));

        clickOn(editor());
        write(" -- mine");
        clickOn(inTab("#save-button", Button.class));
        waitUntil(15, "the conflict dialog", () -> lookup("#conflict-dialog").tryQuery().isPresent());
        assertThat(fx(() -> lookup("#conflict-dialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText()))
                .contains("saved version 2");

        clickOn("Overwrite with mine");

        waitUntil(15, "saved over theirs", () -> Long.valueOf(3).equals(
                app.workbench().selectedProperty().get().versionProperty().get()));
        assertThat(queriesApi.query(created.id()).query()).isEqualTo("SELECT 'v1' AS v -- mine");
    }

    @Test
    void showsTheDataSourcesToAnAdmin() {
        clickOn("Admin").clickOn("Data sources\u2026");

        waitUntil(10, "the data source list", () -> lookup("#admin-data-sources").tryQuery().isPresent()
                && lookup("#admin-data-sources").queryAs(ListView.class).getItems().size() > 0);
        clickOn(from(lookup("#admin-data-sources").queryAs(ListView.class)).lookup("Demo sales")
                .<javafx.scene.Node>query()); // the list's cell, not the choosers showing the same name
        waitUntil(10, "the form of the chosen data source", () -> lookup("#admin-message").queryAs(Label.class)
                .getText().equals("Editing \"Demo sales\""));
        assertThat(lookup("#admin-name").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("Demo sales");
    }
}
