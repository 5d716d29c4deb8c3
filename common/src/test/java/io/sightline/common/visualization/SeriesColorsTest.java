package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesColorsTest {

    @Test
    void aSeriesKeepsItsOwnColourAndTheOthersTakeRedashsPaletteByTheirPlace() {
        ChartOptions options = new ChartOptions(Map.of("seriesOptions", Map.of(
                "web", Map.of("color", "#FB8D3D"), "shop", Map.of("type", "line"),
                "phone", Map.of("color", "not a colour"))));

        assertThat(SeriesColors.of(options, List.of("shop", "web", "phone")))
                .as("the palette's blue, web's own orange, the palette's green for a colour that is none")
                .containsExactly("#356aff", "#fb8d3d", "#3bd973");
    }

    @Test
    void thePaletteStartsAgainAfterItsFourteenColours() {
        List<String> names = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "s" + i).toList();

        List<String> colours = SeriesColors.of(new ChartOptions(Map.of()), names);

        assertThat(colours.subList(0, 14)).isEqualTo(SeriesColors.PALETTE);
        assertThat(colours.subList(14, 16)).containsExactly("#356aff", "#e92828");
    }

    @Test
    void aPiesSlicesTakeTheirValuesOptionsColours() {
        ChartOptions options = new ChartOptions(Map.of("valuesOptions", Map.of("EMEA", Map.of("color", "#000"))));

        assertThat(SeriesColors.ofSlices(options, List.of("APAC", "EMEA"))).containsExactly("#356aff", "#000000");
    }
}
