package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tick texts the shared page writes beside a value axis. */
class AxisTicksTest {

    @Test
    void ticksOfOrdersTakeInZeroAndTheLargestInTheAxissFormat() {
        AxisTicks ticks = AxisTicks.of(12, 20, null, null, "0,0.0");

        assertThat(ticks.min()).isZero();
        assertThat(ticks.interval()).isEqualTo(5);
        assertThat(ticks.max()).isEqualTo(20);
        assertThat(ticks.labels()).containsExactly("0.0", "5.0", "10.0", "15.0", "20.0");
    }

    @Test
    void aSavedRangeIsKeptAndSmallStepsHaveNoFloatNoise() {
        AxisTicks ticks = AxisTicks.of(0.1, 0.4, 0.0, 0.5, "0.00");

        assertThat(ticks.min()).isZero();
        assertThat(ticks.max()).isEqualTo(0.5);
        assertThat(ticks.labels()).containsExactly("0.00", "0.10", "0.20", "0.30", "0.40", "0.50");
    }

    @Test
    void negativeValuesAndThousandsSeparators() {
        AxisTicks ticks = AxisTicks.of(-1200, 3300, null, null, "0,0");

        assertThat(ticks.labels()).first().isEqualTo("-2,000");
        assertThat(ticks.labels()).contains("0", "1,000", "4,000");
    }

    @Test
    void theRightAxisOfAStackedPercentChartIsInTheNumberFormatTheLeftInPercent() {
        ChartOptions options = new ChartOptions(Map.of("series", Map.of("stacking", "stack", "percentValues", true),
                "numberFormat", "0.000"));

        assertThat(options.axisFormat(0)).isEqualTo("0[.]00%");
        assertThat(options.axisFormat(1)).isEqualTo("0.000");
        assertThat(new ChartOptions(Map.of("numberFormat", "$0,0")).axisFormat(0)).isEqualTo("$0,0");
    }
}
