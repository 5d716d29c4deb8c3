package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
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

/** The editor's view model against the real server: what it writes, what it keeps, what it warns about. */
class VisualizationEditorViewModelTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();
    private static final ResultData RESULT = new ResultData(List.of(new ResultColumn("region", "string"),
            new ResultColumn("quarter", "string"), new ResultColumn("revenue", "float")),
            List.of(Map.of("region", "EMEA", "quarter", "Q1", "revenue", 10.0)));

    private Query query() {
        return client.createQuery(new QueryDraft(client.dataSources().get(0).id(), "Editor vm " + UUID.randomUUID(),
                "", "SELECT 'EMEA' AS region, 'Q1' AS quarter, 10.0 AS revenue", List.of(), List.of(), null));
    }

    @Test
    void aNewChartMapsTheFirstColumnToXAndTheFirstNumericOneToY() {
        VisualizationsViewModel list = new VisualizationsViewModel(visualizations, tasks);
        list.load(query().id(), List.of());
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1, null, RESULT,
                v -> { });
        assertThat(editor.xColumnProperty().get()).isEqualTo("region");
        assertThat(editor.yColumns()).containsExactly("revenue");
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
        assertThat(editor.stackingProperty().get()).as("legacy normal stacking reads as stacked").isEqualTo("stack");
        editor.chartTypeProperty().set("area");
        editor.stackingProperty().set("percent");
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
}
