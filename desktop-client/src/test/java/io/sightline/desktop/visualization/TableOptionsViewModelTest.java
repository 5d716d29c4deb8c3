package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The table editor against the real server: the columns it writes as Redash's, what it keeps, what it warns of. */
class TableOptionsViewModelTest {

    private static final ResultData SALES = new ResultData(List.of(new ResultColumn("region", "string"),
            new ResultColumn("quarter", "string"), new ResultColumn("revenue", "float")),
            List.of(Map.of("region", "EMEA", "quarter", "Q1", "revenue", 1234.5)));

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // whichever test runs first: the stages are cleaned up after each
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void columnsAreOrderedHiddenTitledAndFormattedThenSavedAsRedashWritesThemAndPreviewed() throws Exception {
        long query = query();
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query, null,
                SALES, v -> { });
        editor.typeProperty().set("TABLE");
        TableOptionsViewModel table = editor.table();
        assertThat(table.columns()).extracting(TableColumnSettings::name)
                .containsExactly("region", "quarter", "revenue");
        TableColumnSettings revenue = table.columns().get(2);
        assertThat(revenue.displayAsProperty().get()).isEqualTo("number");
        assertThat(revenue.alignContentProperty().get()).isEqualTo("right");

        table.move(revenue, -1);
        table.move(revenue, -1);
        table.move(revenue, -1); // already first: stays
        revenue.titleProperty().set("Revenue");
        revenue.numberFormatProperty().set("$0,0.00");
        table.columns().get(2).visibleProperty().set(false); // quarter
        TableColumnSettings region = table.columns().get(1);
        region.displayAsProperty().set("link");
        region.linkUrlTemplateProperty().set("https://wiki.example.com/{{ @ }}");
        region.allowSearchProperty().set(true);
        table.itemsPerPageProperty().set("50");
        assertThat(editor.warnings()).isEmpty();

        Node drawn = EditorFx.preview(editor, SALES);
        assertThat(RendererFx.fx(() -> ((TableView<?>) drawn.lookup("#visualization-table")).getColumns().stream()
                .map(c -> c.getText()).toList())).as("the preview follows the form").containsExactly("Revenue",
                "region");

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query);
        assertThat(saved.options()).containsEntry("itemsPerPage", 50);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) saved.options().get("columns");
        assertThat(columns).extracting(c -> c.get("name")).containsExactly("revenue", "region", "quarter");
        assertThat(columns.get(0)).containsEntry("title", "Revenue").containsEntry("order", 0)
                .containsEntry("numberFormat", "$0,0.00").containsEntry("visible", true)
                .containsEntry("displayAs", "number");
        assertThat(columns.get(1)).containsEntry("displayAs", "link").containsEntry("allowSearch", true)
                .containsEntry("linkUrlTemplate", "https://wiki.example.com/{{ @ }}").containsEntry("order", 1);
        assertThat(columns.get(2)).containsEntry("visible", false).containsEntry("title", "quarter");
        assertThat(columns).as("formats the organization gives are not frozen into the columns")
                .allSatisfy(c -> assertThat(c).doesNotContainKey("dateTimeFormat"));
        assertThat(columns.get(1)).doesNotContainKey("numberFormat");
    }

    @Test
    void aSavedTableOpensAsSavedAndKeepsWhatTheFormDoesNotKnow() throws Exception {
        long query = query();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("itemsPerPage", 10);
        options.put("someFutureKey", "kept");
        options.put("columns", List.of(
                Map.of("name", "gone", "title", "A column the result lost", "numberFormat", "0.0"),
                Map.of("name", "revenue", "title", "Takings", "numberFormat", "0.0a", "futureColumnKey", 7),
                Map.of("name", "region", "visible", false)));
        Visualization existing = visualizations.create(query, new VisualizationsClient.Draft("TABLE", "Sales", "",
                options));
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query, existing,
                SALES, v -> { });

        TableOptionsViewModel table = editor.table();
        assertThat(table.itemsPerPageProperty().get()).isEqualTo("10");
        assertThat(table.columns()).extracting(TableColumnSettings::name)
                .as("the saved order, then the result's other columns").containsExactly("revenue", "region", "quarter");
        assertThat(table.columns().get(0).titleProperty().get()).isEqualTo("Takings");
        assertThat(table.columns().get(1).visibleProperty().get()).isFalse();
        table.columns().get(0).titleProperty().set("Revenue");

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query);
        assertThat(saved.options()).containsEntry("someFutureKey", "kept").containsEntry("itemsPerPage", 10);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) saved.options().get("columns");
        assertThat(columns).extracting(c -> c.get("name")).containsExactly("revenue", "region", "quarter", "gone");
        assertThat(columns.get(0)).containsEntry("title", "Revenue").containsEntry("futureColumnKey", 7)
                .containsEntry("numberFormat", "0.0a");
        assertThat(columns.get(3)).as("a column the result does not have now keeps its options")
                .isEqualTo(Map.of("name", "gone", "title", "A column the result lost", "numberFormat", "0.0"));
    }

    @Test
    void badRowsPerPageAllColumnsHiddenAndALinkWithoutUrlAreWarnings() {
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1, null, SALES,
                v -> { });
        editor.typeProperty().set("TABLE");
        TableOptionsViewModel table = editor.table();
        table.itemsPerPageProperty().set("ten");
        table.columns().forEach(c -> c.visibleProperty().set(false));
        table.columns().get(0).displayAsProperty().set("link");
        table.columns().get(0).linkUrlTemplateProperty().set(" ");
        assertThat(editor.warnings()).anySatisfy(w -> assertThat(w).contains("Rows per page").contains("ten"))
                .anySatisfy(w -> assertThat(w).contains("Every column is hidden"))
                .anySatisfy(w -> assertThat(w).contains("region").contains("URL template"));
        assertThat(editor.options()).as("what is saved meanwhile").containsEntry("itemsPerPage", 25);
    }

    @Test
    void colourRulesAreAddedPerColumnSavedUnderSightlineBesideItsOtherKeysPreviewedAndReadBack() throws Exception {
        long query = query();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("sightline", Map.of("drillthrough", Map.of("dashboard", 3)));
        Visualization existing = visualizations.create(query, new VisualizationsClient.Draft("TABLE", "Sales", "",
                options));
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query, existing,
                SALES, v -> { });
        TableOptionsViewModel table = editor.table();
        assertThat(table.cellColors()).isEmpty();

        CellColorSettings big = table.addCellColor("revenue");
        assertThat(big.opProperty().get()).as("a numeric column's first guess").isEqualTo(">");
        big.valueProperty().set("lots");
        assertThat(editor.warnings()).containsExactly("options.sightline.cellColors.0: 'lots' is not a number, and"
                + " column 'revenue' holds numbers; the rule is ignored");
        big.valueProperty().set("1000");
        big.colorProperty().set("#c0392b");
        big.highlightRowProperty().set(true);
        CellColorSettings emea = table.addCellColor("region");
        emea.opProperty().set("contains");
        emea.valueProperty().set("em");
        CellColorSettings scale = table.addCellColor("revenue");
        scale.opProperty().set("range");
        scale.colorProperty().set("#1f3a93");
        CellColorSettings dropped = table.addCellColor("quarter");
        table.removeCellColor(dropped);
        assertThat(editor.warnings()).isEmpty();

        Node drawn = EditorFx.preview(editor, SALES);
        assertThat(RendererFx.fx(() -> drawn.lookupAll(".table-cell").stream()
                .filter(c -> c.getStyleClass().contains("table-cell-coloured")).count()))
                .as("the preview colours the one row, all three cells").isEqualTo(3L);

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query);
        assertThat(saved.options().get("sightline")).isEqualTo(Map.of("drillthrough", Map.of("dashboard", 3),
                "cellColors", List.of(
                        Map.of("column", "revenue", "op", ">", "value", 1000, "color", "#c0392b",
                                "highlightRow", true),
                        Map.of("column", "region", "op", "contains", "value", "em", "color", "#f8d7da",
                                "highlightRow", false),
                        Map.of("column", "revenue", "op", "range", "color", "#1f3a93", "minColor", "#ffffff",
                                "highlightRow", false))));

        VisualizationEditorViewModel reopened = new VisualizationEditorViewModel(visualizations, tasks, query, saved,
                SALES, v -> { });
        assertThat(reopened.table().cellColors()).extracting(CellColorSettings::column, r -> r.opProperty().get(),
                r -> r.valueProperty().get(), r -> r.highlightRowProperty().get())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("revenue", ">", "1000", true),
                        org.assertj.core.groups.Tuple.tuple("region", "contains", "em", false),
                        org.assertj.core.groups.Tuple.tuple("revenue", "range", "", false));
        reopened.table().removeCellColor(reopened.table().cellColors().get(0));
        reopened.table().removeCellColor(reopened.table().cellColors().get(0));
        reopened.table().removeCellColor(reopened.table().cellColors().get(0));
        assertThat(reopened.options().get("sightline")).as("the last rule removed, the other key stays")
                .isEqualTo(Map.of("drillthrough", Map.of("dashboard", 3)));
    }

    private long query() {
        Query created = queriesApi.createQuery(new QueryDraft(dataSourcesApi.dataSources().get(0).id(),
                "Table editor " + UUID.randomUUID(), "", "SELECT 'EMEA' AS region, 'Q1' AS quarter, 1234.5 AS revenue",
                List.of(), List.of(), null));
        return created.id();
    }


}
