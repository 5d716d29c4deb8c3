package io.sightline.common.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classes and colours Redash's chroma-js 1.4 gives for the same values (figures taken from running it). */
class ColorScaleTest {

    private static final Rgb WHITE = Rgb.of("#ffffff");
    private static final Rgb BLACK = Rgb.of("#000000");
    private static final Rgb RED = Rgb.of("#ff0000");
    private static final double[] VALUES = {1, 2, 3, 4, 10, 20, 50};

    @Test
    void limitsAsChromaComputesThem() {
        assertThat(ColorScale.limits(VALUES, "q", 4)).containsExactly(1, 2.5, 4, 15, 50);
        assertThat(ColorScale.limits(VALUES, "e", 4)).containsExactly(1, 13.25, 25.5, 37.75, 50);
        assertThat(ColorScale.limits(VALUES, "k", 4)).containsExactly(1, 4, 10, 20, 50);
        assertThat(ColorScale.limits(new double[] {1, 2, 3, 4, 10, 20, 50, 51, 52, 100}, "k", 3))
                .containsExactly(1, 20, 52, 100);
        assertThat(ColorScale.limits(VALUES, "e", 1)).containsExactly(1, 50);
    }

    @Test
    void coloursRunFromMinToMaxInRgb() {
        List<String> hex = ColorScale.interpolate(Rgb.of("#799CFF"), Rgb.of("#002FB4"), 5).stream()
                .map(Rgb::hex).toList();
        assertThat(hex).containsExactly("#799cff", "#5b81ec", "#3d66da", "#1e4ac7", "#002fb4");
    }

    @Test
    void aValueTakesTheFirstLimitItDoesNotExceed() {
        ColorScale scale = ColorScale.of(List.of(1.0, 2.0, 3.0, 4.0, 10.0, 20.0, 50.0), "e", 5, WHITE, BLACK);
        Rgb none = RED;
        assertThat(scale.colorOf(1.0, none)).isEqualTo(scale.colors().get(0));
        assertThat(scale.colorOf(13.0, none)).isEqualTo(scale.colors().get(1));
        assertThat(scale.colorOf(50.0, none)).isEqualTo(scale.colors().get(4));
        assertThat(scale.colorOf(null, none)).isEqualTo(none);
        assertThat(scale.legend().get(0).limit()).isEqualTo(50.0);
    }

    @Test
    void oneDistinctValueTakesTheMaxColour() {
        ColorScale scale = ColorScale.of(List.of(7.0, 7.0), "q", 5, WHITE, BLACK);
        assertThat(scale.colors()).containsExactly(BLACK);
        assertThat(scale.colorOf(7.0, RED)).isEqualTo(BLACK);
    }
}
