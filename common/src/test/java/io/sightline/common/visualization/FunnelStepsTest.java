package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelStepsTest {

    private static final ResultData SIGNUPS = new ResultData(
            List.of(new ResultColumn("step", "string"), new ResultColumn("users", "integer"),
                    new ResultColumn("position", "integer")),
            List.of(row("Checkout", 250, 3), row("Visit", 1000, 1), row("Paid", 200, 4), row("Sign up", 400, 2)));

    private static Map<String, Object> row(String step, int users, int position) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("users", users);
        row.put("position", position);
        return row;
    }

    private static FunnelOptions options(Map<String, Object> more) {
        Map<String, Object> saved = new LinkedHashMap<>(Map.of("stepCol", Map.of("colName", "step"),
                "valueCol", Map.of("colName", "users")));
        saved.putAll(more);
        return new FunnelOptions(saved);
    }

    @Test
    void sortsByValueLargestFirstAndGivesPercentOfFirstAndOfPrevious() {
        FunnelSteps funnel = FunnelSteps.of(SIGNUPS, options(Map.of()));

        assertThat(funnel.steps()).extracting(FunnelSteps.Step::step, FunnelSteps.Step::value,
                FunnelSteps.Step::percentOfMax, FunnelSteps.Step::percentOfPrevious).containsExactly(
                tuple("Visit", 1000.0, 100.0, 100.0),
                tuple("Sign up", 400.0, 40.0, 40.0),
                tuple("Checkout", 250.0, 25.0, 62.5),
                tuple("Paid", 200.0, 20.0, 80.0));
        assertThat(funnel.largestOfPrevious()).isEqualTo(100.0);
    }

    @Test
    void keepsTheOrderOfASortColumnWhenAutoSortIsOff() {
        FunnelSteps funnel = FunnelSteps.of(SIGNUPS, options(Map.of("autoSort", false,
                "sortKeyCol", Map.of("colName", "position", "reverse", false))));

        assertThat(funnel.steps()).extracting(FunnelSteps.Step::step).containsExactly("Visit", "Sign up", "Checkout",
                "Paid");
    }

    @Test
    void keepsTheResultsOrderWithoutASortColumnAndGrowingStepsExceedAHundredPercent() {
        FunnelSteps funnel = FunnelSteps.of(SIGNUPS, options(Map.of("autoSort", false)));

        assertThat(funnel.steps()).extracting(FunnelSteps.Step::step, FunnelSteps.Step::percentOfPrevious)
                .containsExactly(tuple("Checkout", 100.0), tuple("Visit", 400.0), tuple("Paid", 20.0),
                        tuple("Sign up", 200.0));
        assertThat(funnel.largestOfPrevious()).isEqualTo(400.0);
    }

    @Test
    void cutsAtTheItemsLimit() {
        assertThat(FunnelSteps.of(SIGNUPS, options(Map.of("itemsLimit", 2))).steps()).extracting(
                FunnelSteps.Step::step).containsExactly("Visit", "Sign up");
    }

    @Test
    void drawsNothingWhenTheValueColumnIsNotInTheResult() {
        FunnelOptions options = new FunnelOptions(Map.of("stepCol", Map.of("colName", "step"),
                "valueCol", Map.of("colName", "revenue")));

        assertThat(FunnelSteps.of(SIGNUPS, options).steps()).isEmpty();
    }

    @Test
    void writesPercentsInTheFormatAndTheRangesEnds() {
        FunnelOptions options = options(Map.of());

        assertThat(options.percentText(62.5)).isEqualTo("62.5%");
        assertThat(options.percentText(40)).isEqualTo("40%");
        assertThat(options.percentText(0.001)).isEqualTo("<0.01%");
        assertThat(options.percentText(Double.POSITIVE_INFINITY)).isEqualTo(">1000%");
        assertThat(options.valueText(1234.5)).isEqualTo("1,234.5");
    }
}
