package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The colour of each series of a chart, as Redash gives them: the series' own {@code seriesOptions[name].color}
 * (a pie's slice: {@code valuesOptions[name].color}) when it is a colour, else Redash's palette in order, by the
 * series' place. The desktop and the shared page draw with the same colours.
 */
public final class SeriesColors {

    /** Redash's palette (viz-lib's {@code ColorPaletteArray}: its base colours in order). */
    public static final List<String> PALETTE = List.of("#356aff", "#e92828", "#3bd973", "#604fe9", "#50f5ed",
            "#fb8d3d", "#799cff", "#b554ff", "#8cffb4", "#a55f2a", "#000000", "#494949", "#ff7de3", "#002fb4");

    private SeriesColors() {
    }

    /** {@code #rrggbb} of each series of a chart, in the series' order. */
    public static List<String> of(ChartOptions options, List<String> series) {
        List<String> colors = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            colors.add(own(options.seriesOptions(series.get(i)).get("color"), i));
        }
        return colors;
    }

    /** {@code #rrggbb} of each slice of a pie, in the slices' order. */
    public static List<String> ofSlices(ChartOptions options, List<String> slices) {
        Map<String, Object> values = options.object("valuesOptions");
        List<String> colors = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            Object own = values.get(slices.get(i)) instanceof Map<?, ?> m ? m.get("color") : null;
            colors.add(own(own, i));
        }
        return colors;
    }

    private static String own(Object saved, int place) {
        Rgb rgb = saved instanceof String text ? Rgb.parse(text) : null;
        return rgb != null ? rgb.hex() : PALETTE.get(place % PALETTE.size());
    }
}
