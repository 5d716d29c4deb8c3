package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.parameter.MultiValuesOptions;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.DropdownOption;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;

/** The editor's helpers in the real window: format SQL, declare a new parameter, a query-based dropdown. */
class EditorUiTest extends WorkbenchWindowTest {

    private void typeSql(String sql) {
        clickOn(editor());
        write(sql);
        focusMainWindow();
        type(KeyCode.ESCAPE); // closes the completion list the dots opened
    }

    @Test
    void formatsTheSqlKeepingParametersAndUndoesItInOneStep() {
        String typed = "select region, sum(revenue) from sales.daily_revenue where region = '{{ region }}' group by region";
        typeSql(typed);
        clickOn(editor());

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(5, "the formatted SQL", () -> editor().getText().startsWith("select\n  region,"));
        assertThat(fx(() -> editor().getText())).contains("region = '{{ region }}'").contains("\ngroup by\n");
        int from = fx(() -> editor().getText().indexOf("from"));
        waitUntil(5, "the formatted text highlighted", () -> editor().getStyleOfChar(from).contains("keyword")
                && editor().getStyleOfChar(editor().getText().indexOf("{{")).contains("parameter"));
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(5, "the typed SQL back after one undo", () -> editor().getText().equals(typed));
    }

    @Test
    void offersToDeclareANewParameterWithAGuessedType() {
        typeSql("SELECT day, revenue FROM sales.daily_revenue WHERE day >= '{{ start_date }}'");
        waitUntil(5, "the offer to declare it", () -> inTab("#undeclared-parameter-bar", Node.class).isVisible());
        assertThat(fx(() -> inTab("#undeclared-parameter-message", Label.class).getText()))
                .isEqualTo("Parameter 'start_date' is not declared");
        assertThat(fx(() -> inTab("#declare-parameter", Button.class).getText())).isEqualTo("Declare as date\u2026");

        clickOn(inTab("#declare-parameter", Button.class));
        waitUntil(5, "the parameter settings", () -> lookup("#parameter-settings").tryQuery().isPresent());
        assertThat(fx(() -> lookup("#parameter-settings-type").queryAs(ComboBox.class).getValue()))
                .isEqualTo(ParameterType.DATE);
        clickOn(fx(() -> (Node) lookup("#parameter-settings").queryAs(DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK)));

        waitUntil(5, "the offer gone", () -> !inTab("#undeclared-parameter-bar", Node.class).isVisible());
        assertThat(fx(() -> inTab("#param-start_date-type", ComboBox.class).getValue())).isEqualTo(ParameterType.DATE);
        assertThat(fx(() -> inTab("#param-start_date", javafx.scene.control.DatePicker.class))).isNotNull();
    }

    @Test
    void ignoringANewParameterKeepsItAsText() {
        typeSql("SELECT '{{ note }}' AS note");
        waitUntil(5, "the offer to declare it", () -> inTab("#undeclared-parameter-bar", Node.class).isVisible());

        clickOn(inTab("#ignore-parameter", Button.class));

        waitUntil(5, "the offer gone", () -> !inTab("#undeclared-parameter-bar", Node.class).isVisible());
        assertThat(fx(() -> inTab("#param-note-type", ComboBox.class).getValue())).isEqualTo(ParameterType.TEXT);
    }

    @Test
    void fillsAMultiSelectDropdownFromTheLatestResultOfItsOptionsQuery() throws Exception {
        SightlineClient client = app.workbench().client();
        DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
        QueriesClient queriesApi = new QueriesClient(client);
        RunsClient runsApi = new RunsClient(client);
        long source = dataSourcesApi.dataSources().get(0).id();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String regionsSql = "SELECT DISTINCT region AS value FROM sales.daily_revenue ORDER BY 1 -- " + suffix;
        var regions = queriesApi.createQuery(new QueryDraft(source, "Regions " + suffix, "", regionsSql, List.of(),
                List.of(), null));
        finish(client, runsApi.run(source, regionsSql, Map.of(), regions.id()));
        List<DropdownOption> options = queriesApi.dropdown(regions.id());
        assertThat(options).hasSizeGreaterThan(1);
        var byRegion = queriesApi.createQuery(new QueryDraft(source, "By region " + suffix, "",
                "SELECT COUNT(DISTINCT region) AS regions FROM sales.daily_revenue WHERE region IN ({{ regions }})",
                List.of(new ParameterDeclaration("regions", "Regions", ParameterType.QUERY, null, null, regions.id(),
                        new MultiValuesOptions("'", "'", ","), null)), List.of(), null));

        interact(() -> app.workbench().openQuery(byRegion.id()));
        waitUntil(15, "the dropdown filled with the regions", () -> inTab("#param-regions", CheckComboBox.class) != null
                && inTab("#param-regions", CheckComboBox.class).getItems().size() == options.size());
        @SuppressWarnings("unchecked")
        CheckComboBox<DropdownOption> choice = inTab("#param-regions", CheckComboBox.class);
        assertThat(fx(() -> inTab("#param-regions-error", Label.class).getText())).isEqualTo("a value is required");
        interact(() -> {
            choice.getCheckModel().check(0);
            choice.getCheckModel().check(1);
        });
        waitUntil(5, "the value accepted", () -> !inTab("#param-regions-error", Label.class).isVisible());

        clickOn(inTab("#run-button", Button.class));

        waitUntil(30, "the count of the two regions", () -> inTab("#result-summary", Label.class).getText()
                .startsWith("1 row"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<io.sightline.desktop.results.ResultRow> table =
                inTab("#result-table", javafx.scene.control.TableView.class);
        assertThat(fx(() -> String.valueOf(table.getItems().get(0).value(0)))).isEqualTo("2");
    }

    private static void finish(SightlineClient client, RunStart start) throws InterruptedException {
        if (start instanceof RunStart.Queued queued) {
            for (int i = 0; i < 300 && !new RunsClient(client).job(queued.job().id()).status().ended(); i++) {
                Thread.sleep(100);
            }
        }
    }
}
