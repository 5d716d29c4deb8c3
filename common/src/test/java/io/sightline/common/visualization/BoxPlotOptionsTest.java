package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redash's deprecated BOXPLOT: a box per column, its axis titles. */
class BoxPlotOptionsTest {

    private static ResultData result(List<ResultColumn> columns, Object[]... rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object[] values : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).name(), values[i]);
            }
            list.add(row);
        }
        return new ResultData(columns, list);
    }

    @Test
    void eachColumnIsOneBoxOfItsValuesAndAColumnWithoutNumbersIsAGap() {
        ResultData result = result(List.of(new ResultColumn("morning", "float"), new ResultColumn("note", "string"),
                        new ResultColumn("evening", "float")),
                new Object[] {10.0, "a", 1.0}, new Object[] {20.0, "b", 2.0}, new Object[] {30.0, null, 3.0},
                new Object[] {40.0, "c", 4.0}, new Object[] {200.0, "d", null});

        BoxPlot plot = new BoxPlotOptions(Map.of()).boxes(result);

        assertThat(plot.xs()).containsExactly("morning", "note", "evening");
        assertThat(plot.series()).hasSize(1);
        Map<Object, BoxStats> boxes = plot.series().get(0).boxes();
        assertThat(boxes).containsOnlyKeys("morning", "evening");
        assertThat(boxes.get("morning").median()).isEqualTo(30);
        assertThat(boxes.get("morning").outliers()).containsExactly(200.0);
        assertThat(boxes.get("evening").count()).as("the empty cell left out").isEqualTo(4);
        assertThat(boxes.get("evening").median()).isEqualTo(2.5);
    }

    @Test
    void axisTitlesAreTheSavedLabelsAndEmptyByDefault() {
        BoxPlotOptions saved = new BoxPlotOptions(Map.of("xAxisLabel", "Shift", "yAxisLabel", "Minutes"));
        assertThat(saved.xAxisLabel()).isEqualTo("Shift");
        assertThat(saved.yAxisLabel()).isEqualTo("Minutes");
        assertThat(new BoxPlotOptions(Map.of()).xAxisLabel()).isEmpty();
    }
}
