package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One large line or scatter shaped into arrays: the points {@link ChartShaper#shape} gives, in its order. */
class XyArraysTest {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    @Test
    void datesGiveTheShapersPointsSortedReversedOrAsTheyCame() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 3_000; i++) {
            // shuffled minutes, some in the same second a few milliseconds apart, a few gaps and unreadable texts
            LocalDateTime t = START.plusMinutes(random.nextInt(1_000)).plusNanos(random.nextInt(3) * 1_000_000L);
            Object x = switch (i % 50) {
                case 7 -> "not a date";
                case 8 -> t.toLocalDate().toString();
                case 9 -> t.atOffset(ZoneOffset.ofHours(2)).toString();
                case 10 -> t.toString().replace('T', ' ');
                default -> t.toString();
            };
            Object y = i % 41 == 0 ? null : i % 43 == 0 ? "12.5" : i % 47 == 0 ? "n/a" : random.nextGaussian();
            rows.add(row("at", x, "load", y));
        }
        ResultData result = new ResultData(List.of(new ResultColumn("at", "datetime"),
                new ResultColumn("load", "float")), rows);
        for (Map<String, Object> extra : List.<Map<String, Object>>of(Map.of(), Map.of("sortX", false),
                Map.of("reverseX", true), Map.of("sortX", false, "reverseX", true),
                Map.of("seriesOptions", Map.of("load", Map.of("name", "Load"))))) {
            for (String type : List.of("line", "scatter")) {
                sameAsTheShaper(result, options(type, Map.of("at", "x", "load", "y"), extra));
            }
        }
    }

    @Test
    void numbersGiveTheShapersPoints() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(2);
        for (int i = 0; i < 3_000; i++) {
            Object x = switch (i % 60) {
                case 1 -> "3.25";
                case 2 -> -0.0;
                case 3 -> 0.0;
                case 4 -> "NaN";
                case 5 -> "wide";
                case 6 -> true;
                default -> (double) random.nextInt(500);
            };
            rows.add(row("width", x, "weight", i % 37 == 0 ? null : random.nextInt(1000)));
        }
        ResultData result = new ResultData(List.of(new ResultColumn("width", "float"),
                new ResultColumn("weight", "integer")), rows);
        for (Map<String, Object> extra : List.<Map<String, Object>>of(Map.of(), Map.of("reverseX", true))) {
            sameAsTheShaper(result, options("scatter", Map.of("width", "x", "weight", "y"), extra));
            sameAsTheShaper(result, options("line", Map.of("width", "x", "weight", "y"), extra));
        }
    }

    @Test
    void leavesEveryOtherChartToTheShaper() {
        ResultData result = new ResultData(List.of(new ResultColumn("at", "datetime"),
                new ResultColumn("a", "float"), new ResultColumn("b", "float"), new ResultColumn("s", "string")),
                List.of(row("at", START.toString(), "a", 1.0, "b", 2.0, "s", "x"),
                        row("at", START.plusDays(1).toString(), "a", 3.0, "b", 4.0, "s", "y")));
        Map<String, Object> one = Map.of("at", "x", "a", "y");
        assertThat(XyArrays.of(result, options("line", one, Map.of()))).isNotNull();
        assertThat(XyArrays.of(result, options("line", Map.of("at", "x", "a", "y", "b", "y"), Map.of()))).isNull();
        assertThat(XyArrays.of(result, options("line", Map.of("at", "x", "a", "y", "s", "series"), Map.of())))
                .isNull();
        assertThat(XyArrays.of(result, options("line", Map.of("s", "x", "a", "y"), Map.of()))).as("categories")
                .isNull();
        assertThat(XyArrays.of(result, options("column", one, Map.of()))).isNull();
        assertThat(XyArrays.of(result, options("line", one, Map.of("series", Map.of("stacking", "stack")))))
                .isNull();
        assertThat(XyArrays.of(result, options("line", one, Map.of("sightline",
                Map.of("comparison", Map.of("period", "previous_year")))))).isNull();
        assertThat(XyArrays.of(result, options("line", one, Map.of("sightline", Map.of("pointBudget", 500)))))
                .isNull();
        assertThat(XyArrays.of(result, options("line", one, Map.of("seriesOptions",
                Map.of("a", Map.of("type", "column")))))).isNull();
        ResultData noX = new ResultData(result.columns(), List.of(row("at", null, "a", 1.0)));
        assertThat(XyArrays.of(noX, options("line", one, Map.of()))).as("a row without x").isNull();
    }

    private static void sameAsTheShaper(ResultData result, ChartOptions options) {
        ShapedChart shaped = ChartShaper.shape(result, options);
        XyArrays arrays = XyArrays.of(result, options);
        assertThat(arrays).isNotNull();
        assertThat(shaped.series()).hasSize(1);
        ChartSeries series = shaped.series().get(0);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Integer> gapsBefore = new ArrayList<>();
        for (ChartPoint p : series.points()) {
            double x = p.x() instanceof LocalDateTime t ? (double) t.toEpochSecond(ZoneOffset.UTC)
                    : ((Number) p.x()).doubleValue();
            if (p.y() != null) {
                xs.add(x);
                ys.add(p.y());
            } else {
                gaps.add(x);
                gapsBefore.add(xs.size());
            }
        }
        assertThat(arrays.xKind()).isEqualTo(shaped.xKind()).isNotEqualTo(XKind.CATEGORY);
        assertThat(arrays.name()).isEqualTo(series.name());
        assertThat(arrays.points()).isEqualTo(series.points().size());
        assertThat(arrays.notes()).isEqualTo(shaped.notes());
        assertThat(Arrays.stream(arrays.xs()).boxed().toList()).isEqualTo(xs);
        assertThat(Arrays.stream(arrays.ys()).boxed().toList()).isEqualTo(ys);
        assertThat(gaps).as("some values are null").isNotEmpty();
        assertThat(Arrays.stream(arrays.gapXs()).boxed().toList()).as("where a line leaves a gap").isEqualTo(gaps);
        assertThat(Arrays.stream(arrays.gapsBefore()).boxed().toList()).as("between which points")
                .isEqualTo(gapsBefore);
    }

    private static ChartOptions options(String type, Map<String, Object> mapping, Map<String, Object> extra) {
        Map<String, Object> saved = new LinkedHashMap<>(extra);
        saved.put("globalSeriesType", type);
        saved.put("columnMapping", new LinkedHashMap<>(mapping));
        return new ChartOptions(saved);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
