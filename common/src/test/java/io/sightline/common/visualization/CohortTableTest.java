package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortTableTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("date", "date"),
            new ResultColumn("day_number", "integer"), new ResultColumn("total", "integer"),
            new ResultColumn("value", "integer"));

    private static ResultData result(Object[]... rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(Map.of("date", r[0], "day_number", r[1], "total", r[2], "value", r[3]));
        }
        return new ResultData(COLUMNS, list);
    }

    /** Three daily cohorts, the middle day missing: a gap row, and one stage less per row. */
    private static final ResultData RETENTION = result(
            new Object[] {"2024-01-01", 1, 100, 60}, new Object[] {"2024-01-01", 2, 100, 40},
            new Object[] {"2024-01-01", 3, 100, 25}, new Object[] {"2024-01-01", 4, 100, 20},
            new Object[] {"2024-01-03", 1, 50, 30}, new Object[] {"2024-01-03", 2, 50, 10},
            new Object[] {"2024-01-04", 1, 80, 20});

    @Test
    void buildsTheDiagonalTriangleWithAGapRowForAMissingDay() {
        CohortTable table = CohortTable.of(RETENTION, new CohortOptions(Map.of()));

        assertThat(table.initialDate()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(table.rows()).containsExactly(
                List.of(100.0, 60.0, 40.0, 25.0, 20.0),
                List.of(0.0, 30.0, 10.0, 0.0),
                List.of(50.0, 30.0, 10.0),
                List.of(80.0, 20.0));
        assertThat(table.width()).isEqualTo(5);
        assertThat(table.percent(0, 2)).isEqualTo(40.0);
        assertThat(table.percent(2, 1)).isEqualTo(60.0);
        assertThat(table.percent(1, 1)).as("the gap row has no cohort").isNull();
        assertThat(table.percent(3, 2)).as("past the row's end").isNull();
    }

    @Test
    void simpleModeKeepsEveryStageAndAGapRowOfItsOwn() {
        CohortTable table = CohortTable.of(RETENTION, new CohortOptions(Map.of("mode", "simple")));

        assertThat(table.rows()).containsExactly(
                List.of(100.0, 60.0, 40.0, 25.0, 20.0),
                List.of(0.0),
                Arrays.asList(50.0, 30.0, 10.0, null, null),
                Arrays.asList(80.0, 20.0, null, null, null));
        assertThat(table.percent(2, 3)).as("a stage without a value inside the row").isEqualTo(0.0);
    }

    @Test
    void labelsRowsByIntervalAndStagesByTitleTemplate() {
        CohortOptions monthly = new CohortOptions(Map.of("timeInterval", "monthly", "stageColumnTitle",
                "Month {{ @ }}"));
        CohortOptions weekly = new CohortOptions(Map.of("timeInterval", "weekly"));
        LocalDateTime first = LocalDateTime.of(2024, 1, 1, 0, 0);

        assertThat(monthly.timeLabel(first, 2)).isEqualTo("March 2024");
        assertThat(weekly.timeLabel(first, 1)).isEqualTo("Week of Jan 8, 2024");
        assertThat(new CohortOptions(Map.of()).timeLabel(first, 3)).isEqualTo("January 4, 2024");
        assertThat(monthly.stageTitle(3)).isEqualTo("Month 3");
    }

    @Test
    void writesPercentsOrNumbersAndThePlaceholder() {
        CohortOptions percent = new CohortOptions(Map.of());
        CohortOptions absolute = new CohortOptions(Map.of("percentValues", false));

        assertThat(percent.cellText(40.0, 40.0)).isEqualTo("40.00%");
        assertThat(absolute.cellText(40.0, 1234.0)).isEqualTo("1,234");
        assertThat(percent.cellText(null, null)).isEqualTo("-");
    }

    @Test
    void drawsNothingWithoutTheNamedColumns() {
        ResultData other = new ResultData(List.of(new ResultColumn("day", "date")), List.of(Map.of("day", "2024-01-01")));

        assertThat(CohortTable.of(other, new CohortOptions(Map.of())).rows()).isEmpty();
    }
}
