package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.ChartSeries;
import io.sightline.common.visualization.ChartShaper;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chart editor's comparison against the real server: Sightline's key written, kept beside the others, undone. */
class ComparisonOptionsViewModelTest {

    private static final ResultData MONTHS = months();

    private final SightlineClient client = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final VisualizationsClient visualizations = new VisualizationsClient(client);
    private final BackgroundTasks tasks = Tasks.serialUi();

    @Test
    void aPreviousYearChosenInTheFormIsDrawnAsItsOwnSeriesAndSavedUnderSightline() {
        long query = query();
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query, null,
                MONTHS, v -> { });
        editor.chart().chartTypeProperty().set("line");
        assertThat(editor.options()).as("no comparison: no key").doesNotContainKey("sightline");
        editor.chart().comparison().periodProperty().set("previous_year");

        List<String> drawn = ChartShaper.shape(MONTHS, new ChartOptions(editor.previewProperty().get())).series()
                .stream().map(ChartSeries::name).toList();
        assertThat(drawn).as("what the preview draws").containsExactly("revenue", "revenue (previous year)");

        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query);
        assertThat(saved.options()).containsEntry("sightline", Map.of("comparison",
                Map.of("period", "previous_year")));
    }

    @Test
    void aSavedComparisonOpensInTheFormAndTakingItAwayKeepsTheOtherSightlineKeys() {
        long query = query();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("globalSeriesType", "line");
        options.put("columnMapping", Map.of("month", "x", "revenue", "y"));
        options.put("sightline", Map.of("pointBudget", 500, "comparison", Map.of("period", "previous_period",
                "column", "month", "futureKey", true)));
        Visualization existing = visualizations.create(query, new VisualizationsClient.Draft("CHART", "Trend", "",
                options));
        VisualizationEditorViewModel editor = new VisualizationEditorViewModel(visualizations, tasks, query, existing,
                MONTHS, v -> { });
        ComparisonOptionsViewModel comparison = editor.chart().comparison();
        assertThat(comparison.periodProperty().get()).isEqualTo("previous_period");
        assertThat(comparison.columnProperty().get()).isEqualTo("month");

        comparison.columnProperty().set(null);
        assertThat(editor.options().get("sightline")).as("the X column: no column key; the unknown key kept")
                .isEqualTo(Map.of("pointBudget", 500, "comparison", Map.of("period", "previous_period",
                        "futureKey", true)));
        comparison.periodProperty().set(ComparisonOptionsViewModel.NONE);
        Visualization saved = EditorFx.saveAndReadBack(editor, visualizations, query);
        assertThat(saved.options()).containsEntry("sightline", Map.of("pointBudget", 500));
    }

    private long query() {
        var source = new DataSourcesClient(client).dataSources().get(0).id();
        return new QueriesClient(client).createQuery(new QueryDraft(source, "Comparison " + UUID.randomUUID(), "",
                "SELECT DATE '2024-01-01' AS month, 1.0 AS revenue", List.of(), List.of(), null)).id();
    }


    /** Two years of monthly revenue. */
    private static ResultData months() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int year = 2023; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", LocalDate.of(year, month, 1).toString());
                row.put("revenue", (double) (year * 100 + month));
                rows.add(row);
            }
        }
        return new ResultData(List.of(new ResultColumn("month", "date"), new ResultColumn("revenue", "float")),
                rows);
    }
}
