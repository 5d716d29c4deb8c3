package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The editor's view model against the real server: what it writes, what it keeps, what it warns about. */
class VisualizationEditorViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();
    private static final ResultData RESULT = new ResultData(List.of(new ResultColumn("region", "string"),
            new ResultColumn("quarter", "string"), new ResultColumn("revenue", "float")),
            List.of(Map.of("region", "EMEA", "quarter", "Q1", "revenue", 10.0)));

    private Query query() {
        return queriesApi.createQuery(new QueryDraft(dataSourcesApi.dataSources().get(0).id(), "Editor vm " + UUID.randomUUID(),
                "", "SELECT 'EMEA' AS region, 'Q1' AS quarter, 10.0 AS revenue", List.of(), List.of(), null));
    }

    @Test
    void aNewChartMapsTheFirstColumnToXAndTheFirstNumericOneToY() {
        VisualizationsViewModel list = new VisualizationsViewModel(visualizations, tasks);
        list.load(query().id(), List.of());
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1, null, RESULT,
                v -> { });
        assertThat(editor.chart().xColumnProperty().get()).isEqualTo("region");
        assertThat(editor.chart().yColumns()).containsExactly("revenue");
        assertThat(editor.options()).containsEntry("globalSeriesType", "column")
                .containsEntry("columnMapping", Map.of("region", "x", "revenue", "y"));
        assertThat(editor.warnings()).isEmpty();
    }

    @Test
    void editingKeepsTheKeysTheFormDoesNotKnowAndSavesThroughTheApi() {
        Query query = query();
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("globalSeriesType", "line");
        saved.put("columnMapping", Map.of("region", "x", "revenue", "y"));
        saved.put("series", Map.of("stacking", "normal", "error_y", Map.of("visible", true)));
        saved.put("sightline", Map.of("comparison", Map.of("period", "previous_year", "column", "region")));
        saved.put("someFutureKey", List.of(1, 2));
        Visualization existing = visualizations.create(query.id(), new VisualizationsClient.Draft("CHART", "Trend",
                "", saved));
        VisualizationsViewModel list = new VisualizationsViewModel(visualizations, tasks);
        list.load(query.id(), List.of(existing));

        VisualizationEditorViewModel editor = list.edit(existing);
        assertThat(editor.chart().stackingProperty().get()).as("legacy normal stacking reads as stacked").isEqualTo("stack");
        editor.chart().chartTypeProperty().set("area");
        editor.chart().stackingProperty().set("percent");
        editor.nameProperty().set("Share over time");
        editor.save(() -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> editor.savedProperty().get() != null);

        Visualization after = visualizations.ofQuery(query.id()).stream().filter(v -> v.id() == existing.id())
                .findFirst().orElseThrow();
        assertThat(after.name()).isEqualTo("Share over time");
        assertThat(after.options()).containsEntry("globalSeriesType", "area")
                .containsEntry("someFutureKey", List.of(1, 2))
                .containsEntry("sightline", Map.of("comparison", Map.of("period", "previous_year", "column",
                        "region")));
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) after.options().get("series");
        assertThat(series).containsEntry("stacking", "stack").containsEntry("percentValues", true)
                .containsEntry("error_y", Map.of("visible", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> list.visualizations().stream()
                .anyMatch(v -> v.name().equals("Share over time")));
    }

    @Test
    void aColumnTheResultDoesNotHaveIsAWarningNotALostVisualization() {
        Map<String, Object> saved = Map.of("counterColName", "gone", "stringPrefix", "$");
        Visualization counter = new Visualization(7, "COUNTER", "Counter", "", saved, null, null);
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1, counter,
                RESULT, v -> { });
        assertThat(editor.counterColumnProperty().get()).isEqualTo("gone");
        assertThat(editor.warnings()).anyMatch(w -> w.contains("gone"));
        assertThat(editor.options()).containsEntry("counterColName", "gone").containsEntry("stringPrefix", "$");
    }

    private static final ResultData SIGNUPS = new ResultData(List.of(new ResultColumn("stage", "string"),
            new ResultColumn("users", "integer"), new ResultColumn("position", "integer")),
            List.of(Map.of("stage", "Visited", "users", 1000, "position", 1),
                    Map.of("stage", "Signed up", "users", 400, "position", 2),
                    Map.of("stage", "Paid", "users", 50, "position", 3)));
    private static final ResultData RETENTION = new ResultData(List.of(new ResultColumn("signup_day", "date"),
            new ResultColumn("day", "integer"), new ResultColumn("cohort_size", "integer"),
            new ResultColumn("active", "integer")),
            List.of(Map.of("signup_day", "2024-01-01", "day", 1, "cohort_size", 100, "active", 90),
                    Map.of("signup_day", "2024-01-01", "day", 2, "cohort_size", 100, "active", 40),
                    Map.of("signup_day", "2024-01-02", "day", 1, "cohort_size", 80, "active", 60)));
    private static final ResultData SALES = new ResultData(List.of(new ResultColumn("region", "string"),
            new ResultColumn("quarter", "string"), new ResultColumn("revenue", "float"),
            new ResultColumn("orders", "integer")),
            List.of(Map.of("region", "EMEA", "quarter", "Q1", "revenue", 10.0, "orders", 3),
                    Map.of("region", "EMEA", "quarter", "Q2", "revenue", 14.0, "orders", 5),
                    Map.of("region", "APAC", "quarter", "Q1", "revenue", 7.0, "orders", 2),
                    Map.of("region", "APAC", "quarter", "Q2", "revenue", 21.0, "orders", 9)));

    @AfterEach
    void closeStages() throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) { // a test of the options alone never starts JavaFX
            FxToolkit.cleanupStages();
        }
    }

    private VisualizationEditorViewModel newEditor(long queryId, ResultData data) {
        return new VisualizationEditorViewModel(visualizations, tasks, queryId, null, data, v -> { });
    }



    private static void assertNotANote(Node drawn) {
        assertThat(RendererFx.fx(() -> drawn.lookup(".visualization-note")))
                .as("a drawing, not the 'not supported' / 'could not be drawn' note").isNull();
    }

    @Test
    void aFunnelIsWrittenWithRedashsKeysSavedAndPreviewed() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), SIGNUPS);
        editor.typeProperty().set("FUNNEL");
        assertThat(editor.nameProperty().get()).as("the default name follows the type").isEqualTo("Funnel");
        FunnelOptionsViewModel funnel = editor.funnel();
        assertThat(funnel.stepColumnProperty().get()).isEqualTo("stage");
        assertThat(funnel.valueColumnProperty().get()).isEqualTo("users");
        funnel.stepTitleProperty().set("Stage");
        funnel.valueTitleProperty().set("Users");
        funnel.autoSortProperty().set(false);
        funnel.sortColumnProperty().set("position");
        funnel.sortDescendingProperty().set(false);
        funnel.itemsLimitProperty().set("10");
        funnel.percentMinProperty().set("0.5");
        funnel.percentMaxProperty().set("200");
        funnel.percentFormatProperty().set("0.0%");
        assertThat(editor.warnings()).isEmpty();
        Node drawn = EditorFx.preview(editor, SIGNUPS);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookup("#funnel-grid"))).isNotNull();

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("FUNNEL");
        assertThat(saved.name()).isEqualTo("Funnel");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("stepCol", Map.of("colName", "stage", "displayAs", "Stage"));
        expected.put("valueCol", Map.of("colName", "users", "displayAs", "Users"));
        expected.put("autoSort", false);
        expected.put("sortKeyCol", Map.of("colName", "position", "reverse", false));
        expected.put("itemsLimit", 10);
        // the client reads JSON decimals as BigDecimal: this also pins the JSON text (200.0, as Redash's float)
        expected.put("percentValuesRange", Map.of("min", new java.math.BigDecimal("0.5"), "max",
                new java.math.BigDecimal("200.0")));
        expected.put("numberFormat", "0,0[.]00");
        expected.put("percentFormat", "0.0%");
        assertThat(saved.options()).isEqualTo(expected);
    }

    @Test
    void aFunnelWithAutoSortSortsByTheValueColumnDescendingAsRedashWritesIt() {
        VisualizationEditorViewModel editor = newEditor(1, SIGNUPS);
        editor.typeProperty().set("FUNNEL");
        assertThat(editor.options()).containsEntry("autoSort", true)
                .containsEntry("sortKeyCol", Map.of("colName", "users", "reverse", true))
                .containsEntry("itemsLimit", 100)
                .containsEntry("percentValuesRange", Map.of("min", 0.01, "max", 1000.0));
    }

    @Test
    void aFunnelWithoutItsColumnsNamesThemInItsWarnings() throws Exception {
        VisualizationEditorViewModel editor = newEditor(1, SIGNUPS);
        editor.typeProperty().set("FUNNEL");
        editor.funnel().valueColumnProperty().set(null);
        editor.funnel().itemsLimitProperty().set("many");
        assertThat(editor.warnings()).contains("Choose the value column of the funnel.")
                .anyMatch(w -> w.contains("Items limit") && w.contains("many"));

        Visualization gone = new Visualization(8, "FUNNEL", "Old funnel", "", Map.of("stepCol",
                Map.of("colName", "step_name"), "valueCol", Map.of("colName", "users")), null, null);
        VisualizationEditorViewModel editing = new VisualizationEditorViewModel(visualizations, tasks, 1, gone,
                SIGNUPS, v -> { });
        assertThat(editing.funnel().stepColumnProperty().get()).isEqualTo("step_name");
        assertThat(editing.warnings()).anyMatch(w -> w.contains("step_name"));
        assertThat(EditorFx.preview(editing, SIGNUPS)).isNotNull();
    }

    @Test
    void aCohortIsWrittenWithRedashsKeysAndDefaultsSavedAndPreviewed() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), RETENTION);
        editor.typeProperty().set("COHORT");
        assertThat(editor.warnings()).as("Redash's default column names are not in this result")
                .anyMatch(w -> w.contains("'day_number'"));
        CohortOptionsViewModel cohort = editor.cohort();
        cohort.timeIntervalProperty().set("weekly");
        cohort.modeProperty().set("simple");
        cohort.dateColumnProperty().set("signup_day");
        cohort.stageColumnProperty().set("day");
        cohort.totalColumnProperty().set("cohort_size");
        cohort.valueColumnProperty().set("active");
        assertThat(editor.warnings()).isEmpty();
        Node drawn = EditorFx.preview(editor, RETENTION);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookup("#cohort-grid"))).isNotNull();

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("COHORT");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("timeInterval", "weekly");
        expected.put("mode", "simple");
        expected.put("dateColumn", "signup_day");
        expected.put("stageColumn", "day");
        expected.put("totalColumn", "cohort_size");
        expected.put("valueColumn", "active");
        expected.put("showTooltips", true);
        expected.put("percentValues", true);
        expected.put("timeColumnTitle", "Time");
        expected.put("peopleColumnTitle", "Users");
        expected.put("stageColumnTitle", "{{ @ }}");
        expected.put("numberFormat", "0,0[.]00");
        expected.put("percentFormat", "0.00%");
        expected.put("noValuePlaceholder", "-");
        expected.put("colors", Map.of("min", "#ffffff", "max", "#002FB4", "steps", 7));
        assertThat(saved.options()).isEqualTo(expected);
    }

    @Test
    void aDetailsViewIsATypeChoiceSavedAndPreviewed() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), SALES);
        editor.typeProperty().set("DETAILS");
        Node drawn = EditorFx.preview(editor, SALES);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookup("#details-fields"))).isNotNull();

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("DETAILS");
        assertThat(saved.name()).isEqualTo("Details");
        assertThat(saved.options()).isEqualTo(Map.of());
    }

    @Test
    void aBoxChartWithASeriesOnTheRightAxisIsSavedAsRedashWritesIt() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), SALES);
        editor.chart().chartTypeProperty().set("box");
        editor.chart().xColumnProperty().set("region");
        editor.chart().yColumns().setAll("revenue");
        Node box = EditorFx.preview(editor, SALES);
        assertNotANote(box);
        assertThat(RendererFx.fx(() -> box.lookup("#chart-box"))).isNotNull();

        editor.chart().chartTypeProperty().set("line");
        editor.chart().xColumnProperty().set("quarter");
        editor.chart().yColumns().setAll("revenue", "orders");
        assertThat(editor.chart().chartSeries()).containsExactly("revenue", "orders");
        editor.chart().rightAxisSeries().setAll("orders");
        Node twoAxes = EditorFx.preview(editor, SALES);
        assertNotANote(twoAxes);
        assertThat(RendererFx.fx(() -> twoAxes.lookup("#chart-right-axis"))).isNotNull();

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("globalSeriesType", "line");
        expected.put("columnMapping", Map.of("quarter", "x", "revenue", "y", "orders", "y"));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("stacking", null);
        series.put("percentValues", false);
        expected.put("series", series);
        expected.put("swappedAxes", false);
        expected.put("legend", Map.of("enabled", true));
        expected.put("showDataLabels", false);
        expected.put("numberFormat", "0,0[.]00000");
        expected.put("percentFormat", "0[.]00%");
        expected.put("dateTimeFormat", "DD/MM/YY HH:mm");
        expected.put("seriesOptions", Map.of("orders", Map.of("yAxis", 1)));
        assertThat(saved.options()).isEqualTo(expected);

        // moved back to the left: the entry stays, with yAxis 0, as Redash's radio writes it
        VisualizationEditorViewModel again = new VisualizationEditorViewModel(visualizations, tasks, query.id(),
                saved, SALES, v -> { });
        assertThat(again.chart().rightAxisSeries()).containsExactly("orders");
        again.chart().rightAxisSeries().clear();
        assertThat(again.options()).containsEntry("seriesOptions", Map.of("orders", Map.of("yAxis", 0)));
        again.chart().rightAxisSeries().setAll("orders");
        assertThat(again.warnings()).isEmpty();
        again.chart().horizontalProperty().set(true);
        assertThat(again.options()).as("horizontal bars have one value axis: Redash moves every series to it")
                .containsEntry("seriesOptions", Map.of("orders", Map.of("yAxis", 0)));
        assertThat(again.warnings()).as("the editor says why the right axis choice is gone")
                .containsExactly("Swapped axes have one value axis, as in Redash: orders moves from the right Y axis"
                        + " to it when saved.");
        Node swapped = EditorFx.preview(again, SALES);
        assertThat(RendererFx.fx(() -> swapped.lookup("#chart-right-axis"))).as("no right axis drawn").isNull();
        again.chart().horizontalProperty().set(false);
        assertThat(again.warnings()).as("upright again, orders is back on the right axis").isEmpty();
        assertThat(again.options()).containsEntry("seriesOptions", Map.of("orders", Map.of("yAxis", 1)));
    }

    @Test
    void aHeatmapNeedsItsColorColumnAndSavesItAsZVal() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), SALES);
        editor.chart().chartTypeProperty().set("heatmap");
        editor.chart().xColumnProperty().set("quarter");
        editor.chart().yColumns().setAll("region");
        editor.chart().seriesColumnProperty().set("orders");
        assertThat(editor.warnings()).contains("Choose the Color column (zVal) of the heatmap.");
        editor.chart().zColumnProperty().set("revenue");
        editor.chart().colorSchemeProperty().set(ChartOptionsViewModel.CUSTOM_SCHEME);
        editor.chart().heatMinColorProperty().set("#ffffff");
        editor.chart().heatMaxColorProperty().set("#aa0000");
        assertThat(editor.warnings()).isEmpty();
        Node drawn = EditorFx.preview(editor, SALES);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookup("#chart-heatmap"))).isNotNull();

        assertThat(ChartOptionsViewModel.COLOR_SCHEMES).as("Redash's choices").hasSize(18)
                .contains("Viridis", "YlOrRd", "Custom...");
        editor.chart().colorSchemeProperty().set("Viridis");
        Node viridis = EditorFx.preview(editor, SALES);
        assertThat(RendererFx.fx(() -> viridis.lookup("#chart-heatmap"))).isNotNull();
        assertThat(editor.options()).containsEntry("colorScheme", "Viridis").doesNotContainKey("heatMinColor");
        editor.chart().colorSchemeProperty().set(ChartOptionsViewModel.CUSTOM_SCHEME);

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.options()).containsEntry("globalSeriesType", "heatmap")
                .as("no series mapping for a heatmap, as in Redash")
                .containsEntry("columnMapping", Map.of("quarter", "x", "region", "y", "revenue", "zVal"))
                .containsEntry("colorScheme", "Custom...").containsEntry("heatMinColor", "#ffffff")
                .containsEntry("heatMaxColor", "#aa0000").doesNotContainKey("seriesOptions");
    }

    @Test
    void aWordCloudIsWrittenWithRedashsKeysSavedAndPreviewed() throws Exception {
        Query query = query();
        ResultData notes = io.sightline.desktop.visualization.flow.FlowSamples.notes();
        VisualizationEditorViewModel editor = newEditor(query.id(), notes);
        editor.typeProperty().set("WORD_CLOUD");
        assertThat(editor.nameProperty().get()).isEqualTo("Word cloud");
        WordCloudOptionsViewModel words = editor.wordCloud();
        assertThat(words.columnProperty().get()).isEqualTo("note");
        words.lengthMinProperty().set("3");
        words.countMaxProperty().set("many");
        assertThat(editor.warnings()).containsExactly(
                "A limit must be a positive number, not \"many\" (no limit is saved).");
        words.countMaxProperty().set("8");
        assertThat(editor.warnings()).isEmpty();
        Node drawn = EditorFx.preview(editor, notes);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookupAll(".word-cloud-word").size())).as("data (9) is over the max")
                .isEqualTo(18);

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("WORD_CLOUD");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("column", "note");
        expected.put("frequenciesColumn", "");
        Map<String, Object> length = new LinkedHashMap<>();
        length.put("min", 3);
        length.put("max", null);
        expected.put("wordLengthLimit", length);
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("min", null);
        count.put("max", 8);
        expected.put("wordCountLimit", count);
        assertThat(saved.options()).isEqualTo(expected);
    }

    @Test
    void aSankeyAndASunburstAreTypeChoicesThatDrawTheirResult() throws Exception {
        ResultData visits = io.sightline.desktop.visualization.flow.FlowSamples.visits();
        VisualizationEditorViewModel editor = newEditor(1, visits);
        editor.typeProperty().set("SANKEY");
        assertThat(editor.warnings()).isEmpty();
        Node sankey = EditorFx.preview(editor, visits);
        assertNotANote(sankey);
        assertThat(RendererFx.fx(() -> sankey.lookupAll(".sankey-node").size())).isEqualTo(6);
        editor.typeProperty().set("SUNBURST_SEQUENCE");
        assertThat(editor.nameProperty().get()).isEqualTo("Sunburst sequence");
        Node sunburst = EditorFx.preview(editor, visits);
        assertNotANote(sunburst);
        assertThat(RendererFx.fx(() -> sunburst.lookupAll(".sunburst-segment").size())).isEqualTo(9);

        VisualizationEditorViewModel noValue = newEditor(1, RESULT);
        noValue.typeProperty().set("SANKEY");
        assertThat(noValue.warnings()).containsExactly(
                "The sankey needs a column named \"value\" (and stage1, stage2… columns).");
    }

    private static final ResultData STORES = new ResultData(List.of(new ResultColumn("store", "string"),
            new ResultColumn("latitude", "float"), new ResultColumn("longitude", "float"),
            new ResultColumn("kind", "string")),
            List.of(Map.of("store", "Lisbon", "latitude", 38.72, "longitude", -9.14, "kind", "outlet"),
                    Map.of("store", "Oslo", "latitude", 59.91, "longitude", 10.75, "kind", "flagship")));

    @Test
    void aMarkerMapFindsItsCoordinatesIsWrittenWithRedashsKeysSavedAndPreviewed() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), STORES);
        editor.typeProperty().set("MAP");
        MapOptionsViewModel map = editor.map();
        assertThat(map.latitudeProperty().get()).as("found by its name").isEqualTo("latitude");
        assertThat(map.longitudeProperty().get()).isEqualTo("longitude");
        assertThat(editor.warnings()).isEmpty();
        map.groupByProperty().set("kind");
        map.clusterProperty().set(false);
        Node drawn = EditorFx.preview(editor, STORES);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookupAll(".sightline-map-legend .label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).sorted().toList()))
                .as("a colour per group, named in the legend").containsExactly("flagship", "outlet");

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("MAP");
        assertThat(saved.options()).containsEntry("latColName", "latitude").containsEntry("lonColName", "longitude")
                .containsEntry("classify", "kind").containsEntry("clusterMarkers", false)
                .as("Redash's other map options, at its defaults").containsEntry("customizeMarkers", false)
                .containsEntry("iconShape", "marker").containsEntry("backgroundColor", "#356AFF")
                .containsEntry("mapTileUrl", "//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png");

        map.latitudeProperty().set("longitude");
        assertThat(editor.warnings()).containsExactly(
                "The latitude and the longitude are the same column (longitude).");
    }

    private static final ResultData REVENUE = new ResultData(List.of(new ResultColumn("country", "string"),
            new ResultColumn("revenue", "float")),
            List.of(Map.of("country", "BRA", "revenue", 120.0), Map.of("country", "CAN", "revenue", 40.0)));

    @Test
    void aChoroplethIsWrittenWithRedashsKeysSavedAndPreviewed() throws Exception {
        Query query = query();
        VisualizationEditorViewModel editor = newEditor(query.id(), REVENUE);
        editor.typeProperty().set("CHOROPLETH");
        ChoroplethOptionsViewModel choropleth = editor.choropleth();
        assertThat(choropleth.keyColumnProperty().get()).isEqualTo("country");
        assertThat(choropleth.valueColumnProperty().get()).isEqualTo("revenue");
        assertThat(editor.warnings()).isEmpty();
        choropleth.targetFieldProperty().set("iso_a3");
        choropleth.clusteringProperty().set("q");
        choropleth.stepsProperty().set("4");
        choropleth.minColorProperty().set("#ffeeaa");
        choropleth.legendProperty().set(false);
        Node drawn = EditorFx.preview(editor, REVENUE);
        assertNotANote(drawn);
        assertThat(RendererFx.fx(() -> drawn.lookup(".sightline-map-legend"))).as("the legend turned off").isNull();

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.type()).isEqualTo("CHOROPLETH");
        assertThat(saved.options()).containsEntry("mapType", "countries").containsEntry("keyColumn", "country")
                .containsEntry("targetField", "iso_a3").containsEntry("valueColumn", "revenue")
                .containsEntry("clusteringMode", "q").containsEntry("steps", 4)
                .containsEntry("valueFormat", "0,0.00")
                .containsEntry("colors", Map.of("min", "#ffeeaa", "max", "#002FB4", "background", "#FFFFFF",
                        "borders", "#FFFFFF", "noValue", "#DDDDDD"))
                .containsEntry("legend", Map.of("visible", false, "position", "bottom-left", "alignText", "right"));

        choropleth.mapProperty().set("usa");
        assertThat(choropleth.fields()).as("the states' fields").contains("usps_abbrev", "fips_code")
                .doesNotContain("iso_a3");
        assertThat(choropleth.targetFieldProperty().get()).as("a countries' field the states lack")
                .isEqualTo(ChoroplethOptionsViewModel.ANY_FIELD);
        choropleth.stepsProperty().set("twelve");
        choropleth.minColorProperty().set("blue");
        assertThat(editor.warnings()).contains("Steps must be a whole number from 3 to 11, not \"twelve\".",
                "The min colour must be #rrggbb, not \"blue\".");
    }

    @Test
    void aChoroplethSavedByRedashWithItsOlderKeysOpensWithThemAndSavesTheNewOnes() {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("mapType", "countries");
        saved.put("countryCodeColumn", "country");
        saved.put("countryCodeType", "iso_a3");
        saved.put("valueColumn", "revenue");
        saved.put("someFutureKey", "kept");
        Query query = query();
        Visualization existing = visualizations.create(query.id(), new VisualizationsClient.Draft("CHOROPLETH",
                "Revenue map", "", saved));
        VisualizationsViewModel list = new VisualizationsViewModel(visualizations, tasks);
        list.load(query.id(), List.of(existing));

        VisualizationEditorViewModel editor = list.edit(existing);
        assertThat(editor.choropleth().keyColumnProperty().get()).isEqualTo("country");
        assertThat(editor.choropleth().targetFieldProperty().get()).isEqualTo("iso_a3");
        assertThat(editor.options()).containsEntry("keyColumn", "country").containsEntry("targetField", "iso_a3")
                .containsEntry("someFutureKey", "kept").doesNotContainKeys("countryCodeColumn", "countryCodeType");
    }
}
