package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatmapTest {

    /** Orders by weekday and hour; Tue 10:00 has no row. */
    private static final ResultData ORDERS = new ResultData(List.of(new ResultColumn("hour", "integer"),
            new ResultColumn("weekday", "string"), new ResultColumn("orders", "integer")), List.of(
            Map.of("hour", 10, "weekday", "Mon", "orders", 40),
            Map.of("hour", 9, "weekday", "Mon", "orders", 20),
            Map.of("hour", 9, "weekday", "Tue", "orders", 100),
            Map.of("hour", 9, "weekday", "Mon", "orders", 999)));

    private static ChartOptions options(Map<String, Object> more) {
        java.util.Map<String, Object> saved = new java.util.LinkedHashMap<>(Map.of("globalSeriesType", "heatmap",
                "columnMapping", Map.of("hour", "x", "weekday", "y", "orders", "zVal")));
        saved.putAll(more);
        return new ChartOptions(saved);
    }

    @Test
    void aMatrixOfTheFirstValueOfEachXAndYWithZeroWhereThereIsNone() {
        Heatmap heatmap = Heatmap.of(ORDERS, options(Map.of()));

        assertThat(heatmap.xs()).containsExactly("9", "10");
        assertThat(heatmap.ys()).containsExactly("Mon", "Tue");
        assertThat(heatmap.z()).containsExactly(List.of(20.0, 40.0), List.of(100.0, 0.0));
        assertThat(heatmap.zMin()).isEqualTo(0.0);
        assertThat(heatmap.zMax()).isEqualTo(100.0);
    }

    @Test
    void keepsTheResultsOrderWhenSortingIsOffAndReversesWhenAsked() {
        Heatmap heatmap = Heatmap.of(ORDERS, options(Map.of("sortX", false, "reverseY", true)));

        assertThat(heatmap.xs()).containsExactly("10", "9");
        assertThat(heatmap.ys()).containsExactly("Tue", "Mon");
    }

    @Test
    void coloursRunOverRedashsDefaultSchemeFromTheSmallestToTheLargestValue() {
        Heatmap heatmap = Heatmap.of(ORDERS, options(Map.of()));

        assertThat(heatmap.color(0).hex()).isEqualTo("#356aff");
        assertThat(heatmap.color(100).hex()).isEqualTo("#e92827");
        assertThat(heatmap.color(7).hex()).as("halfway between the first two stops").isEqualTo("#4072ff");
    }

    @Test
    void aNamedSchemeRunsOverPlotlysScaleOfThatName() {
        Heatmap bluered = Heatmap.of(ORDERS, options(Map.of("colorScheme", "Bluered", "rangeZMin", 0,
                "rangeZMax", 100)));
        assertThat(bluered.color(0).hex()).isEqualTo("#0000ff");
        assertThat(bluered.color(100).hex()).isEqualTo("#ff0000");
        assertThat(bluered.color(50).hex()).isEqualTo("#800080");

        Heatmap jet = Heatmap.of(ORDERS, options(Map.of("colorScheme", "Jet", "rangeZMin", 0, "rangeZMax", 100)));
        assertThat(jet.color(50).hex()).as("between Jet's stops at 0.375 and 0.625").isEqualTo("#82ff80");
        assertThat(HeatmapSchemes.NAMES).allSatisfy(name -> assertThat(HeatmapSchemes.named(name))
                .as(name).isNotNull().first().extracting(Heatmap.Stop::at).isEqualTo(0.0));
        assertThat(HeatmapSchemes.NAMES).allSatisfy(name -> assertThat(HeatmapSchemes.named(name))
                .as(name).last().extracting(Heatmap.Stop::at).isEqualTo(1.0));
    }

    @Test
    void anUnknownSchemeNameFallsBackToRedashsDefault() {
        Heatmap heatmap = Heatmap.of(ORDERS, options(Map.of("colorScheme", "Sunset")));
        assertThat(heatmap.color(0).hex()).isEqualTo("#356aff");
    }

    @Test
    void aCustomSchemeBlendsItsTwoColours() {
        Heatmap heatmap = Heatmap.of(ORDERS, options(Map.of("colorScheme", "Custom...", "heatMinColor", "#000000",
                "heatMaxColor", "#ffffff", "rangeZMax", 200)));

        assertThat(heatmap.color(100).hex()).isEqualTo("#808080");
    }

    @Test
    void isEmptyWithoutAZColumn() {
        ChartOptions options = new ChartOptions(Map.of("globalSeriesType", "heatmap",
                "columnMapping", Map.of("hour", "x", "weekday", "y")));

        assertThat(Heatmap.of(ORDERS, options).z()).isEmpty();
    }
}
