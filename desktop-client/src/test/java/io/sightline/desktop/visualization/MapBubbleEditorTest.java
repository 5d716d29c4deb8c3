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
import org.junit.jupiter.api.Test;

/** The map editor's bubbles: Sightline's {@code sightline.bubble} written, read back and warned about. */
class MapBubbleEditorTest {

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();

    private static final ResultData STORES = new ResultData(List.of(new ResultColumn("store", "string"),
            new ResultColumn("lat", "float"), new ResultColumn("lon", "float"), new ResultColumn("revenue", "float")),
            List.of(Map.of("store", "Lisbon", "lat", 38.72, "lon", -9.14, "revenue", 120.0),
                    Map.of("store", "Oslo", "lat", 59.91, "lon", 10.75, "revenue", 30.0)));

    private static Map<String, Object> savedWithOtherSightlineKeys() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("latColName", "lat");
        options.put("lonColName", "lon");
        options.put("futureRedashKey", "kept");
        options.put("sightline", Map.of("drillthrough", Map.of("dashboard", 9, "parameters", Map.of()),
                "bubble", Map.of("sizeColumn", "revenue", "maxRadius", 24, "futureBubbleKey", true)));
        return options;
    }

    @Test
    void aSavedBubbleIsReadAndWrittenBackKeepingTheKeysTheFormDoesNotKnow() {
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1,
                new Visualization(7, "MAP", "Stores", "", savedWithOtherSightlineKeys(), null, null), STORES, v -> { });
        MapOptionsViewModel map = editor.map();
        assertThat(map.sizeColumnProperty().get()).isEqualTo("revenue");
        assertThat(map.maxRadiusProperty().get()).isEqualTo("24");

        map.maxRadiusProperty().set("40");
        Map<String, Object> written = editor.options();
        assertThat(written).containsEntry("futureRedashKey", "kept");
        assertThat(written.get("sightline")).isEqualTo(Map.of("drillthrough", Map.of("dashboard", 9, "parameters",
                Map.of()), "bubble", Map.of("sizeColumn", "revenue", "maxRadius", 40, "futureBubbleKey", true)));
        assertThat(editor.warnings()).isEmpty();

        map.sizeColumnProperty().set(null);
        assertThat(editor.options().get("sightline")).as("no size column: markers, the other keys stay")
                .isEqualTo(Map.of("drillthrough", Map.of("dashboard", 9, "parameters", Map.of())));
    }

    @Test
    void aTextSizeColumnAndABadRadiusAreWarningsNotFailures() {
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, 1,
                new Visualization(7, "MAP", "Stores", "", savedWithOtherSightlineKeys(), null, null), STORES, v -> { });
        MapOptionsViewModel map = editor.map();
        map.sizeColumnProperty().set("store");
        map.maxRadiusProperty().set("huge");
        assertThat(editor.warnings()).containsExactly(
                "The bubble size column store is not numeric (string): choose a number column.",
                "The largest bubble's radius must be a number of pixels from 4 to 100, not \"huge\"; it is left as it was.");
        assertThat(((Map<?, ?>) ((Map<?, ?>) editor.options().get("sightline")).get("bubble")).get("maxRadius"))
                .as("the saved radius kept").isEqualTo(24);

        map.sizeColumnProperty().set("profit");
        assertThat(editor.warnings()).contains("options.sightline.bubble.sizeColumn: the result has no column 'profit'");
    }

    @Test
    void aNewMapGivenBubblesIsSavedAndOpensAgainWithThem() {
        DataSourcesClient dataSources = new DataSourcesClient(client);
        Query query = new QueriesClient(client).createQuery(new QueryDraft(dataSources.dataSources().get(0).id(),
                "Bubbles " + UUID.randomUUID(), "", "SELECT 1", List.of(), List.of(), null));
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query.id(), null,
                STORES, v -> { });
        editor.typeProperty().set("MAP");
        editor.map().sizeColumnProperty().set("revenue");
        editor.map().maxRadiusProperty().set("18");
        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query.id());
        assertThat(saved.options().get("sightline")).isEqualTo(Map.of("bubble", Map.of("sizeColumn", "revenue",
                "maxRadius", 18)));

        VisualizationEditorViewModel again = new VisualizationEditorViewModel(visualizations, tasks, query.id(), saved,
                STORES, v -> { });
        assertThat(again.map().sizeColumnProperty().get()).isEqualTo("revenue");
        assertThat(again.map().maxRadiusProperty().get()).isEqualTo("18");
    }
}
