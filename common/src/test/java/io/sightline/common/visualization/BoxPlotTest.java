package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoxPlotTest {

    /** Store A: 1..9 and 40 (an outlier); store B: 10, 20, 30. */
    private static ResultData orders() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int v = 1; v <= 9; v++) {
            rows.add(Map.of("store", "A", "basket", v));
        }
        rows.add(Map.of("store", "A", "basket", 40));
        for (int v : new int[] {30, 10, 20}) {
            rows.add(Map.of("store", "B", "basket", v));
        }
        return new ResultData(List.of(new ResultColumn("store", "string"), new ResultColumn("basket", "integer")), rows);
    }

    @Test
    void oneBoxPerXWithQuartilesWhiskersAndOutliers() {
        ChartOptions options = new ChartOptions(Map.of("globalSeriesType", "box",
                "columnMapping", Map.of("store", "x", "basket", "y")));

        BoxPlot plot = BoxPlot.of(ChartShaper.shape(orders(), options));

        assertThat(plot.xs()).containsExactly("A", "B");
        assertThat(plot.series()).singleElement().extracting(BoxPlot.Series::name).isEqualTo("basket");
        BoxStats a = plot.series().get(0).boxes().get("A");
        assertThat(List.of(a.q1(), a.median(), a.q3(), a.lowerWhisker(), a.upperWhisker()))
                .containsExactly(3.25, 5.5, 7.75, 1.0, 9.0);
        assertThat(a.outliers()).containsExactly(40.0);
        BoxStats b = plot.series().get(0).boxes().get("B");
        assertThat(List.of(b.q1(), b.median(), b.q3(), b.lowerWhisker(), b.upperWhisker()))
                .containsExactly(15.0, 20.0, 25.0, 10.0, 30.0);
        assertThat(plot.range()).containsExactly(1.0, 40.0);
    }
}
