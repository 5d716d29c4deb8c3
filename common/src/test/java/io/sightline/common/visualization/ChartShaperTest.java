package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartShaperTest {

    private static final List<ResultColumn> LONG = List.of(new ResultColumn("region", "string"),
            new ResultColumn("product", "string"), new ResultColumn("revenue", "float"));

    @Test
    void pivotsLongDataIntoOneSeriesPerSeriesValueSortedByX() {
        ResultData result = new ResultData(LONG, List.of(
                row("region", "West", "product", "Tea", "revenue", 10),
                row("region", "East", "product", "Tea", "revenue", 20),
                row("region", "East", "product", "Cake", "revenue", 5)));
        ShapedChart chart = ChartShaper.shape(result, chart(Map.of("region", "x", "revenue", "y", "product", "series")));
        assertThat(chart.xKind()).isEqualTo(XKind.CATEGORY);
        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("Tea", "Cake");
        ChartSeries tea = chart.series().get(0);
        assertThat(tea.points()).extracting(ChartPoint::x).containsExactly("East", "West");
        assertThat(tea.points()).extracting(ChartPoint::y).containsExactly(20.0, 10.0);
        ChartSeries cake = chart.series().get(1);
        assertThat(cake.points()).extracting(ChartPoint::x).containsExactly("East", "West");
        assertThat(cake.points()).extracting(ChartPoint::value).as("a missing value is zero by default")
                .containsExactly(5.0, 0.0);
    }

    @Test
    void missingValuesAreGapsWhenNotZeros() {
        ResultData result = new ResultData(LONG, List.of(
                row("region", "West", "product", "Tea", "revenue", 10),
                row("region", "East", "product", "Cake", "revenue", 5)));
        Map<String, Object> options = options(Map.of("region", "x", "revenue", "y", "product", "series"));
        options.put("missingValuesAsZero", false);
        options.put("globalSeriesType", "line");
        ShapedChart chart = ChartShaper.shape(result, new ChartOptions(options));
        assertThat(chart.series().get(0).points()).extracting(ChartPoint::value).containsExactly(null, 10.0);
        assertThat(chart.series().get(1).points()).extracting(ChartPoint::value).containsExactly(5.0, null);
    }

    @Test
    void aStackedAreaCountsAMissingValueAsZeroEvenWhenMissingValuesAreNotZeros() {
        ResultData result = new ResultData(LONG, List.of(
                row("region", "East", "product", "Tea", "revenue", 10),
                row("region", "West", "product", "Tea", "revenue", 20),
                row("region", "East", "product", "Cake", "revenue", 5)));
        Map<String, Object> options = options(Map.of("region", "x", "revenue", "y", "product", "series"));
        options.put("missingValuesAsZero", false);
        options.put("globalSeriesType", "area");
        options.put("series", Map.of("stacking", "stack"));
        ChartSeries cake = ChartShaper.shape(result, new ChartOptions(options)).series().get(1);
        assertThat(cake.points()).extracting(ChartPoint::value).as("still no value of its own").containsExactly(5.0,
                null);
        assertThat(cake.points()).extracting(ChartPoint::y).as("a band of no height on Tea's 20 at West")
                .containsExactly(15.0, 20.0);
        assertThat(cake.points()).extracting(ChartPoint::base).containsExactly(10.0, 20.0);
    }

    @Test
    void datesMakeADateAxisInTimeOrder() {
        List<ResultColumn> columns = List.of(new ResultColumn("day", "date"), new ResultColumn("n", "integer"),
                new ResultColumn("m", "integer"));
        ResultData result = new ResultData(columns, List.of(row("day", "2024-03-02", "n", 2, "m", 20),
                row("day", "2024-03-01T12:00:00+02:00", "n", 1, "m", 10)));
        ShapedChart chart = ChartShaper.shape(result, chart(Map.of("day", "x", "n", "y", "m", "y")));
        assertThat(chart.xKind()).isEqualTo(XKind.DATETIME);
        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("n", "m");
        assertThat(chart.series().get(0).points()).extracting(ChartPoint::x)
                .containsExactly(LocalDateTime.of(2024, 3, 1, 10, 0), LocalDate.of(2024, 3, 2).atStartOfDay());
        assertThat(chart.series().get(1).points()).extracting(ChartPoint::y).containsExactly(10.0, 20.0);
    }

    @Test
    void stacksAndTurnsIntoPercentOfEachX() {
        ResultData result = new ResultData(LONG, List.of(
                row("region", "East", "product", "Tea", "revenue", 30),
                row("region", "East", "product", "Cake", "revenue", 10),
                row("region", "West", "product", "Tea", "revenue", 5),
                row("region", "West", "product", "Cake", "revenue", 15)));
        Map<String, Object> options = options(Map.of("region", "x", "revenue", "y", "product", "series"));
        options.put("series", Map.of("stacking", "stack"));
        ShapedChart stacked = ChartShaper.shape(result, new ChartOptions(options));
        ChartSeries cake = stacked.series().get(1);
        assertThat(cake.points()).extracting(ChartPoint::base).containsExactly(30.0, 5.0);
        assertThat(cake.points()).extracting(ChartPoint::y).containsExactly(40.0, 20.0);

        options.put("series", Map.of("stacking", "percent")); // legacy spelling of stack + percentValues
        ShapedChart percent = ChartShaper.shape(result, new ChartOptions(options));
        assertThat(percent.series().get(0).points()).extracting(ChartPoint::y).containsExactly(75.0, 25.0);
        assertThat(percent.series().get(1).points()).extracting(ChartPoint::y).containsExactly(100.0, 100.0);
        assertThat(percent.series().get(1).points()).extracting(ChartPoint::value).as("the value stays as it is")
                .containsExactly(10.0, 15.0);
    }

    @Test
    void comparisonOverlaysThePreviousYear() {
        List<ResultColumn> columns = List.of(new ResultColumn("month", "date"), new ResultColumn("revenue", "float"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int year = 2023; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                rows.add(row("month", LocalDate.of(year, month, 1).toString(), "revenue", year * 100 + month));
            }
        }
        Map<String, Object> options = options(Map.of("month", "x", "revenue", "y"));
        options.put("globalSeriesType", "line");
        options.put("sightline", Map.of("comparison", Map.of("period", "previous_year", "column", "month")));
        ShapedChart chart = ChartShaper.shape(new ResultData(columns, rows), new ChartOptions(options));
        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("revenue", "revenue (previous year)");
        ChartSeries current = chart.series().get(0);
        ChartSeries previous = chart.series().get(1);
        assertThat(previous.comparison()).isTrue();
        assertThat(current.points()).hasSize(12);
        assertThat(current.points().get(0).x()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(previous.points()).hasSize(12);
        assertThat(previous.points().get(0).x()).as("moved onto the current year")
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(previous.points().get(0).value()).isEqualTo(202301.0);
        assertThat(chart.notes()).isEmpty();
    }

    @Test
    void aComparisonColumnOtherThanXSplitsThePeriodsByItsDatesAndOverlaysThemAtTheirX() {
        List<ResultColumn> columns = List.of(new ResultColumn("month_name", "string"),
                new ResultColumn("month", "date"), new ResultColumn("revenue", "float"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int year = 2022; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDate first = LocalDate.of(year, month, 1);
                rows.add(row("month_name", first.getMonth().name().substring(0, 3), "month", first.toString(),
                        "revenue", year * 100 + month));
            }
        }
        Map<String, Object> options = options(Map.of("month_name", "x", "revenue", "y"));
        options.put("globalSeriesType", "line");
        options.put("xAxis", Map.of("type", "category"));
        options.put("sightline", Map.of("comparison", Map.of("period", "previous_year", "column", "month")));
        ShapedChart chart = ChartShaper.shape(new ResultData(columns, rows), new ChartOptions(options));

        assertThat(chart.series()).extracting(ChartSeries::name).containsExactly("revenue", "revenue (previous year)");
        ChartSeries current = chart.series().get(0);
        ChartSeries previous = chart.series().get(1);
        Map<Object, Double> now = new java.util.HashMap<>();
        current.points().forEach(p -> now.put(p.x(), p.value()));
        Map<Object, Double> before = new java.util.HashMap<>();
        previous.points().forEach(p -> before.put(p.x(), p.value()));
        assertThat(now).as("2024, by the month column's dates").hasSize(12).containsEntry("JAN", 202401.0)
                .containsEntry("DEC", 202412.0);
        assertThat(before).as("2023 at the same months (2022 is older than both periods)").hasSize(12)
                .containsEntry("JAN", 202301.0).containsEntry("DEC", 202312.0);
        assertThat(previous.points()).extracting(ChartPoint::x).as("at their own x, in the same order")
                .containsExactlyElementsOf(current.points().stream().map(ChartPoint::x).toList());
        assertThat(chart.notes()).isEmpty();
    }

    @Test
    void aComparisonColumnTheResultLacksOrThatHoldsNoDatesIsSaidNotDrawn() {
        List<ResultColumn> columns = List.of(new ResultColumn("region", "string"),
                new ResultColumn("manager", "string"), new ResultColumn("revenue", "float"));
        List<Map<String, Object>> rows = List.of(row("region", "EMEA", "manager", "Ana", "revenue", 10.0),
                row("region", "APAC", "manager", "Bo", "revenue", 20.0));
        Map<String, Object> options = options(Map.of("region", "x", "revenue", "y"));
        options.put("sightline", Map.of("comparison", Map.of("period", "previous_year", "column", "sold_on")));
        ShapedChart missing = ChartShaper.shape(new ResultData(columns, rows), new ChartOptions(options));
        assertThat(missing.series()).extracting(ChartSeries::name).containsExactly("revenue");
        assertThat(missing.series().get(0).points()).hasSize(2);
        assertThat(missing.notes()).anySatisfy(n -> assertThat(n).contains("sold_on").contains("not in the result"));

        options.put("sightline", Map.of("comparison", Map.of("period", "previous_year", "column", "manager")));
        ShapedChart undated = ChartShaper.shape(new ResultData(columns, rows), new ChartOptions(options));
        assertThat(undated.notes()).anySatisfy(n -> assertThat(n).contains("2 point(s)").contains("manager")
                .contains("not a date"));
    }

    @Test
    void downsamplesLinesPastThePointBudgetAndSaysSo() {
        List<ResultColumn> columns = List.of(new ResultColumn("i", "integer"), new ResultColumn("v", "float"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row("i", i, "v", i == 5_000 ? 1_000.0 : Math.sin(i / 100.0)));
        }
        Map<String, Object> options = options(Map.of("i", "x", "v", "y"));
        options.put("globalSeriesType", "line");
        options.put("sightline", Map.of("pointBudget", 500));
        ShapedChart chart = ChartShaper.shape(new ResultData(columns, rows), new ChartOptions(options));
        List<ChartPoint> points = chart.series().get(0).points();
        assertThat(points).hasSize(500);
        assertThat(points.get(0).x()).isEqualTo(0.0);
        assertThat(points.get(499).x()).isEqualTo(9_999.0);
        assertThat(points).extracting(ChartPoint::value).as("the peak survives").contains(1_000.0);
        assertThat(chart.notes()).containsExactly(
                "Series 'v': 10,000 points drawn as 500 (largest-triangle-three-buckets)");
    }

    @Test
    void aSwappedChartDrawsTheRightAxisSeriesAgainstItsOneValueAxisAndSaysSo() {
        ResultData result = new ResultData(List.of(new ResultColumn("region", "string"),
                new ResultColumn("revenue", "float"), new ResultColumn("margin", "float")),
                List.of(row("region", "EMEA", "revenue", 300, "margin", 0.1)));
        Map<String, Object> options = new HashMap<>();
        options.put("globalSeriesType", "column");
        options.put("swappedAxes", true);
        options.put("columnMapping", Map.of("region", "x", "revenue", "y", "margin", "y"));
        options.put("seriesOptions", Map.of("margin", Map.of("yAxis", 1)));
        ShapedChart chart = ChartShaper.shape(result, new ChartOptions(options));

        assertThat(chart.series()).extracting(ChartSeries::yAxis).containsExactly(0, 0);
        assertThat(chart.notes()).containsExactly(
                "Swapped axes have one value axis, as in Redash: margin is drawn against it, not against a right axis");

        options.put("swappedAxes", false);
        ShapedChart upright = ChartShaper.shape(result, new ChartOptions(options));
        assertThat(upright.series()).extracting(ChartSeries::yAxis).as("upright, the right axis stays")
                .containsExactly(0, 1);
        assertThat(upright.notes()).isEmpty();
    }

    @Test
    void rowsWhoseXIsUnreadableAreLeftOutAndCounted() {
        List<ResultColumn> columns = List.of(new ResultColumn("day", "datetime"), new ResultColumn("n", "integer"));
        ResultData result = new ResultData(columns, List.of(row("day", "not a date", "n", 1),
                row("day", "2024-01-01 10:00:00", "n", 2)));
        ShapedChart chart = ChartShaper.shape(result, chart(Map.of("day", "x", "n", "y")));
        assertThat(chart.series().get(0).points()).hasSize(1);
        assertThat(chart.notes()).containsExactly("1 row(s) left out: their day is not a date");
    }

    private static ChartOptions chart(Map<String, Object> mapping) {
        return new ChartOptions(options(mapping));
    }

    private static Map<String, Object> options(Map<String, Object> mapping) {
        Map<String, Object> options = new HashMap<>();
        options.put("columnMapping", new LinkedHashMap<>(mapping));
        return options;
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
