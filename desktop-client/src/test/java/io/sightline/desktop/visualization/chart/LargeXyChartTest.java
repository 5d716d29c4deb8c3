package io.sightline.desktop.visualization.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Lines and scatters past the point budget, drawn by ChartFX: a long line is thinned once (its ends and its peak
 * kept, the user told), a scatter is drawn whole.
 */
class LargeXyChartTest {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLineOfSixtyThousandMinutesIsDrawnAsTwentyThousandPointsKeepingItsEndsAndItsPeak() throws Exception {
        int n = 60_000;
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row("minute", START.plusMinutes(i).toString(), "load", i == 33_333 ? 10_000.0 : i % 100));
        }
        ResultData result = new ResultData(List.of(new ResultColumn("minute", "datetime"),
                new ResultColumn("load", "float")), rows);

        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "line",
                "columnMapping", Map.of("minute", "x", "load", "y")), result);

        XYChart chart = (XYChart) root.lookup("#chart-large-line");
        assertThat(chart).as("drawn by the large-data chart").isNotNull();
        DataSet drawn = RendererFx.fx(() -> chart.getAllDatasets().get(0));
        int count = drawn.getDataCount();
        assertThat(count).isEqualTo(LargeXyChart.LINE_POINTS);
        assertThat(drawn.get(DataSet.DIM_X, 0)).isEqualTo((double) START.toEpochSecond(ZoneOffset.UTC));
        assertThat(drawn.get(DataSet.DIM_X, count - 1))
                .isEqualTo((double) START.plusMinutes(n - 1).toEpochSecond(ZoneOffset.UTC));
        double highest = 0;
        for (int i = 0; i < count; i++) {
            highest = Math.max(highest, drawn.get(DataSet.DIM_Y, i));
        }
        assertThat(highest).as("the one-minute peak survives the thinning").isEqualTo(10_000.0);
        assertThat(((Label) root.lookup("#chart-notes")).getText())
                .contains("Series 'load': 60,000 points drawn as 20,000 (largest-triangle-three-buckets)");
    }

    @Test
    void aScatterPastTheBudgetIsDrawnWholeWithNothingSaidAboutThinning() throws Exception {
        int n = 30_000;
        List<Map<String, Object>> rows = new ArrayList<>(n);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            rows.add(row("width", random.nextGaussian(), "weight", random.nextGaussian()));
        }
        ResultData result = new ResultData(List.of(new ResultColumn("width", "float"),
                new ResultColumn("weight", "float")), rows);

        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "scatter",
                "columnMapping", Map.of("width", "x", "weight", "y")), result);

        XYChart chart = (XYChart) root.lookup("#chart-large-scatter");
        assertThat(RendererFx.fx(() -> chart.getAllDatasets().get(0).getDataCount())).isEqualTo(n);
        assertThat(root.lookup("#chart-notes")).isNull();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
