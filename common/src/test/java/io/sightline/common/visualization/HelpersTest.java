package io.sightline.common.visualization;

import static io.sightline.common.visualization.ChartShaperTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counter, box plot, pivot and downsampling on known inputs. */
class HelpersTest {

    private static final List<Map<String, Object>> SALES = List.of(
            row("region", "East", "quarter", "Q1", "revenue", 10, "target", 12),
            row("region", "East", "quarter", "Q2", "revenue", 30, "target", 12),
            row("region", "West", "quarter", "Q1", "revenue", 20, "target", 12),
            row("region", "West", "quarter", "Q1", "revenue", 40, "target", 12));

    @Test
    void counterShowsTheValueItsTargetAndTheTrend() {
        CounterValue counter = CounterValue.of(SALES, new CounterOptions(Map.of("counterColName", "revenue",
                "rowNumber", 2, "targetColName", "target", "stringPrefix", "$", "stringDecimal", 2,
                "stringThouSep", " ", "stringDecChar", ",")));
        assertThat(counter.value()).isEqualTo(30.0);
        assertThat(counter.text()).isEqualTo("$30,00");
        assertThat(counter.target()).isEqualTo(12.0);
        assertThat(counter.targetText()).isEqualTo("12");
        assertThat(counter.trend()).isEqualTo(CounterValue.Trend.UP);
        CounterValue below = CounterValue.of(SALES, new CounterOptions(Map.of("counterColName", "revenue",
                "targetColName", "target")));
        assertThat(below.trend()).isEqualTo(CounterValue.Trend.DOWN);
        CounterValue count = CounterValue.of(SALES, new CounterOptions(Map.of("countRow", true)));
        assertThat(count.text()).isEqualTo("4");
        assertThat(count.trend()).isEqualTo(CounterValue.Trend.NONE);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "0, 0", "4, 3", "5, 0", "-1, 3", "-4, 0", "-5, 3"})
    void counterRowNumbersAreRedashs(int rowNumber, int index) {
        assertThat(CounterValue.rowIndex(rowNumber, 4)).isEqualTo(index);
    }

    @Test
    void boxHasLinearQuartilesWhiskersAndOutliers() {
        BoxStats box = BoxStats.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100));
        assertThat(box.count()).isEqualTo(9);
        assertThat(box.q1()).isEqualTo(3.0);
        assertThat(box.median()).isEqualTo(5.0);
        assertThat(box.q3()).isEqualTo(7.0);
        assertThat(box.lowerWhisker()).isEqualTo(1.0);
        assertThat(box.upperWhisker()).isEqualTo(8.0);
        assertThat(box.outliers()).containsExactly(100.0);
        assertThat(BoxStats.of(List.of("x"))).isNull();
    }

    @Test
    void pivotSumsWithTotals() {
        PivotTable pivot = PivotTable.of(SALES, new PivotOptions(Map.of("rows", List.of("region"),
                "cols", List.of("quarter"), "vals", List.of("revenue"), "aggregatorName", "Sum")));
        assertThat(pivot.rowKeys()).containsExactly(List.of("East"), List.of("West"));
        assertThat(pivot.colKeys()).containsExactly(List.of("Q1"), List.of("Q2"));
        assertThat(pivot.cell(List.of("West"), List.of("Q1"))).isEqualTo(60.0);
        assertThat(pivot.cell(List.of("West"), List.of("Q2"))).isNull();
        assertThat(pivot.rowTotals().get(List.of("East"))).isEqualTo(40.0);
        assertThat(pivot.colTotals().get(List.of("Q1"))).isEqualTo(70.0);
        assertThat(pivot.grandTotal()).isEqualTo(100.0);

        PivotTable share = PivotTable.of(SALES, new PivotOptions(Map.of("rows", List.of("region"),
                "cols", List.of("quarter"), "vals", List.of("revenue"), "aggregatorName", "Sum as Fraction of Rows")));
        assertThat(share.cell(List.of("East"), List.of("Q2"))).isEqualTo(0.75);
        PivotTable count = PivotTable.of(SALES, new PivotOptions(Map.of("rows", List.of("region"))));
        assertThat(count.rowTotals().get(List.of("West"))).isEqualTo(2.0);
        assertThatThrownBy(() -> PivotTable.of(SALES, new PivotOptions(Map.of("aggregatorName", "Mode"))))
                .hasMessageContaining("'Mode'");
    }

    @Test
    void lttbKeepsEndsAndPeaks() {
        double[] xs = new double[100];
        Double[] ys = new Double[100];
        for (int i = 0; i < 100; i++) {
            xs[i] = i;
            ys[i] = i == 37 ? 50.0 : 0.0;
        }
        int[] kept = Lttb.select(xs, ys, 10);
        assertThat(kept).hasSize(10).startsWith(0).endsWith(99).contains(37);
        assertThat(Lttb.select(xs, ys, 200)).hasSize(100);
    }

    @Test
    void lttbOfPrimitiveValuesKeepsWhatItKeepsOfBoxedOnesNullsReadAsZero() {
        java.util.Random random = new java.util.Random(9);
        double[] xs = new double[10_000];
        Double[] boxed = new Double[xs.length];
        double[] plain = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 60.0;
            boxed[i] = i % 97 == 0 ? null : random.nextGaussian() * 10;
            plain[i] = boxed[i] == null ? 0 : boxed[i];
        }
        for (int budget : new int[] {3, 500, 2_000, 9_999, 10_000}) {
            assertThat(Lttb.select(xs, plain, budget)).as("budget " + budget)
                    .containsExactly(Lttb.select(xs, boxed, budget));
        }
    }

    @Test
    void lttbOfARangeChoosesWhatItChoosesOfThatRangeCopiedOut() {
        java.util.Random random = new java.util.Random(21);
        double[] xs = new double[50_000];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 60.0;
            ys[i] = random.nextGaussian() * 10;
        }
        int from = 12_345;
        int to = 31_000;
        double[] partXs = java.util.Arrays.copyOfRange(xs, from, to);
        double[] partYs = java.util.Arrays.copyOfRange(ys, from, to);
        for (int budget : new int[] {3, 700, 18_654, 18_655, 40_000}) {
            int[] shifted = java.util.Arrays.stream(Lttb.select(partXs, partYs, budget)).map(i -> i + from).toArray();
            assertThat(Lttb.select(xs, ys, from, to, budget)).as("budget " + budget).containsExactly(shifted);
        }
        assertThat(Lttb.select(xs, ys, from, to, 500)).startsWith(from).endsWith(to - 1).hasSize(500);
    }
}
