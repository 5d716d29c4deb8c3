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
import org.junit.jupiter.api.Test;

/** The chart editor's Axes section: Redash's xAxis / yAxis keys written, kept, read back, and bad ranges warned. */
class AxesOptionsViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient dataSourcesApi = new DataSourcesClient(client);
    private final QueriesClient queriesApi = new QueriesClient(client);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();
    private static final ResultData GROWTH = new ResultData(List.of(new ResultColumn("day", "integer"),
            new ResultColumn("users", "integer")),
            List.of(Map.of("day", 1, "users", 1), Map.of("day", 2, "users", 10), Map.of("day", 3, "users", 1000)));

    private VisualizationEditorViewModel editing(Map<String, Object> options) {
        Visualization chart = new Visualization(7, "CHART", "Growth", "", options, null, null);
        return new VisualizationEditorViewModel(visualizations, tasks, 1, chart, GROWTH, v -> { });
    }

    private static Map<String, Object> lineOf(Object... more) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("globalSeriesType", "line");
        options.put("columnMapping", Map.of("day", "x", "users", "y"));
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return options;
    }

    @Test
    void theAxesAreWrittenWithRedashsKeys() {
        VisualizationEditorViewModel editor = editing(lineOf());
        AxesOptionsViewModel axes = editor.chart().axes();
        axes.xTypeProperty().set("logarithmic");
        axes.xTitleProperty().set("Day");
        axes.left().typeProperty().set("logarithmic");
        axes.left().titleProperty().set("Users");
        axes.left().minProperty().set("1");
        axes.left().maxProperty().set("10000.5");

        assertThat(editor.options()).containsEntry("xAxis", Map.of("type", "logarithmic", "title",
                Map.of("text", "Day")));
        assertThat(editor.options().get("yAxis")).isEqualTo(List.of(
                Map.of("type", "logarithmic", "title", Map.of("text", "Users"), "rangeMin", 1, "rangeMax", 10000.5),
                Map.of("type", "linear", "opposite", true)));
        assertThat(editor.warnings()).isEmpty();
    }

    @Test
    void theKeysTheFormDoesNotOwnAreKeptAndABlankBoundIsAutomatic() {
        Map<String, Object> left = new LinkedHashMap<>(Map.of("type", "linear", "rangeMin", 5, "rangeMax", 50,
                "title", Map.of("text", "Users", "font", "bold"), "tickFormat", "0a"));
        VisualizationEditorViewModel editor = editing(lineOf(
                "xAxis", Map.of("type", "-", "labels", Map.of("enabled", false), "title", Map.of("text", "Day")),
                "yAxis", List.of(left, Map.of("type", "linear", "opposite", true, "title", Map.of("text", "Orders"))),
                "someFutureKey", 3));
        AxesOptionsViewModel axes = editor.chart().axes();
        axes.xTitleProperty().set("");
        axes.left().minProperty().set("");
        axes.left().titleProperty().set("People");

        assertThat(editor.options()).containsEntry("someFutureKey", 3)
                .containsEntry("xAxis", Map.of("type", "-", "labels", Map.of("enabled", false)));
        assertThat(editor.options().get("yAxis")).isEqualTo(List.of(
                Map.of("type", "linear", "rangeMax", 50, "title", Map.of("text", "People", "font", "bold"),
                        "tickFormat", "0a"),
                Map.of("type", "linear", "opposite", true, "title", Map.of("text", "Orders"))));
    }

    @Test
    void aChartWithoutAxesLeftAtTheDefaultsIsSavedWithoutThem() {
        VisualizationEditorViewModel editor = editing(lineOf());
        assertThat(editor.options()).doesNotContainKeys("xAxis", "yAxis");
    }

    @Test
    void savedAxesAreReadBackWhenTheChartIsOpenedAgain() {
        Query query = queriesApi.createQuery(new QueryDraft(dataSourcesApi.dataSources().get(0).id(), "Axes vm " + UUID.randomUUID(),
                "", "SELECT 1 AS day, 1 AS users", List.of(), List.of(), null));
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query.id(), null,
                GROWTH, v -> { });
        editor.chart().chartTypeProperty().set("line");
        editor.chart().axes().xTypeProperty().set("category");
        editor.chart().axes().xTitleProperty().set("Day");
        editor.chart().axes().left().typeProperty().set("logarithmic");
        editor.chart().axes().left().titleProperty().set("Users");
        editor.chart().axes().left().minProperty().set("0.5");
        editor.chart().axes().left().maxProperty().set("2000");
        editor.save(() -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> editor.savedProperty().get() != null);
        Visualization saved = visualizations.ofQuery(query.id()).stream()
                .filter(v -> v.id() == editor.savedProperty().get().id()).findFirst().orElseThrow();

        VisualizationEditorViewModel again = new VisualizationEditorViewModel(visualizations, tasks, query.id(),
                saved, GROWTH, v -> { });
        AxesOptionsViewModel axes = again.chart().axes();
        assertThat(axes.xTypeProperty().get()).isEqualTo("category");
        assertThat(axes.xTitleProperty().get()).isEqualTo("Day");
        assertThat(axes.left().typeProperty().get()).isEqualTo("logarithmic");
        assertThat(axes.left().titleProperty().get()).isEqualTo("Users");
        assertThat(axes.left().minProperty().get()).isEqualTo("0.5");
        assertThat(axes.left().maxProperty().get()).isEqualTo("2000");
        assertThat(axes.right().typeProperty().get()).isEqualTo("linear");
        assertThat(again.options()).as("opened and saved again unchanged").containsEntry("xAxis",
                saved.options().get("xAxis"));
    }

    @Test
    void aRangeThatIsNotANumberOrIsUpsideDownIsAWarning() {
        VisualizationEditorViewModel editor = editing(lineOf());
        YAxisFields left = editor.chart().axes().left();
        left.minProperty().set("ten");
        assertThat(editor.warnings()).containsExactly("Y axis: min must be a number, not \"ten\".");
        assertThat(((List<?>) editor.options().get("yAxis")).get(0)).as("an unreadable bound is not saved")
                .isEqualTo(Map.of("type", "linear"));

        left.minProperty().set("100");
        left.maxProperty().set("10");
        assertThat(editor.warnings()).containsExactly(
                "Y axis: min must be below max; the range is automatic until it is.");

        left.minProperty().set("0");
        left.maxProperty().set("10");
        left.typeProperty().set("logarithmic");
        assertThat(editor.warnings()).containsExactly("Y axis is logarithmic: its min and max must be above 0.");

        left.minProperty().set("1");
        assertThat(editor.warnings()).isEmpty();
    }

    @Test
    void theRightAxisIsWrittenAsRedashsSecondYAxisAndReadBack() {
        ResultData two = new ResultData(List.of(new ResultColumn("day", "integer"), new ResultColumn("users", "integer"),
                new ResultColumn("revenue", "float")), List.of(Map.of("day", 1, "users", 1, "revenue", 2.5)));
        Visualization chart = new Visualization(7, "CHART", "Growth", "", Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("day", "x", "users", "y", "revenue", "y"),
                "seriesOptions", Map.of("revenue", Map.of("yAxis", 1))), null, null);
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1, chart, two,
                v -> { });
        YAxisFields right = editor.chart().axes().right();
        right.typeProperty().set("logarithmic");
        right.titleProperty().set("Revenue");
        right.minProperty().set("1");
        right.maxProperty().set("1000");

        assertThat(editor.options().get("yAxis")).isEqualTo(List.of(Map.of("type", "linear"),
                Map.of("type", "logarithmic", "title", Map.of("text", "Revenue"), "rangeMin", 1, "rangeMax", 1000,
                        "opposite", true)));
        right.maxProperty().set("-1");
        assertThat(editor.warnings()).containsExactly(
                "Right Y axis: min must be below max; the range is automatic until it is.",
                "Right Y axis is logarithmic: its min and max must be above 0.");
        right.maxProperty().set("1000");

        Visualization saved = new Visualization(7, "CHART", "Growth", "", editor.options(), null, null);
        YAxisFields again = new VisualizationEditorViewModel(visualizations, tasks, 1, saved, two, v -> { })
                .chart().axes().right();
        assertThat(List.of(again.typeProperty().get(), again.titleProperty().get(), again.minProperty().get(),
                again.maxProperty().get())).containsExactly("logarithmic", "Revenue", "1", "1000");
    }
}
