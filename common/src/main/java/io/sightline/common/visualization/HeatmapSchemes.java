package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The named colour scales Redash's heatmap editor offers ({@code colorScheme}), as plotly (which draws Redash's
 * heatmaps) defines them: each a list of positions (0–1) and colours, written here as "position colour" pairs.
 */
public final class HeatmapSchemes {

    /** The names, in the order of Redash's editor (its "Custom..." choice uses heatMinColor / heatMaxColor). */
    public static final List<String> NAMES = List.of("Blackbody", "Bluered", "Blues", "Earth", "Electric", "Greens",
            "Greys", "Hot", "Jet", "Picnic", "Portland", "Rainbow", "RdBu", "Reds", "Viridis", "YlGnBu", "YlOrRd");

    private static final Map<String, String> STOPS = Map.ofEntries(
            Map.entry("Blackbody", "0 #000000 0.2 #e60000 0.4 #e6d200 0.7 #ffffff 1 #a0c8ff"),
            Map.entry("Bluered", "0 #0000ff 1 #ff0000"),
            Map.entry("Blues", "0 #050aac 0.35 #283cbe 0.5 #4664f5 0.6 #5a78f5 0.7 #6a89f7 1 #dcdcdc"),
            Map.entry("Earth", "0 #000082 0.1 #00b4b4 0.2 #28d228 0.4 #e6e632 0.6 #784614 1 #ffffff"),
            Map.entry("Electric", "0 #000000 0.15 #1e0064 0.4 #780064 0.6 #a05a00 0.8 #e6c800 1 #fffadc"),
            Map.entry("Greens", "0 #00441b 0.125 #006d2c 0.25 #238b45 0.375 #41ab5d 0.5 #74c476 0.625 #a1d99b "
                    + "0.75 #c7e9c0 0.875 #e5f5e0 1 #f7fcf5"),
            Map.entry("Greys", "0 #000000 1 #ffffff"),
            Map.entry("Hot", "0 #000000 0.3 #e60000 0.6 #ffd200 1 #ffffff"),
            Map.entry("Jet", "0 #000083 0.125 #003caa 0.375 #05ffff 0.625 #ffff00 0.875 #fa0000 1 #800000"),
            Map.entry("Picnic", "0 #0000ff 0.1 #3399ff 0.2 #66ccff 0.3 #99ccff 0.4 #ccccff 0.5 #ffffff 0.6 #ffccff "
                    + "0.7 #ff99ff 0.8 #ff66cc 0.9 #ff6666 1 #ff0000"),
            Map.entry("Portland", "0 #0c3383 0.25 #0a88ba 0.5 #f2d338 0.75 #f28f38 1 #d91e1e"),
            Map.entry("Rainbow", "0 #96005a 0.125 #0000c8 0.25 #0019ff 0.375 #0098ff 0.5 #2cff96 0.625 #97ff00 "
                    + "0.75 #ffea00 0.875 #ff6f00 1 #ff0000"),
            Map.entry("RdBu", "0 #050aac 0.35 #6a89f7 0.5 #bebebe 0.6 #dcaa84 0.7 #e6915a 1 #b20a1c"),
            Map.entry("Reds", "0 #dcdcdc 0.2 #f5c39d 0.4 #f5a069 1 #b20a1c"),
            Map.entry("YlGnBu", "0 #081d58 0.125 #253494 0.25 #225ea8 0.375 #1d91c0 0.5 #41b6c4 0.625 #7fcdbb "
                    + "0.75 #c7e9b4 0.875 #edf8d9 1 #ffffd9"),
            Map.entry("YlOrRd", "0 #800026 0.125 #bd0026 0.25 #e31a1c 0.375 #fc4e2a 0.5 #fd8d3c 0.625 #feb24c "
                    + "0.75 #fed976 0.875 #ffeda0 1 #ffffcc"),
            Map.entry("Viridis", "0 #440154 0.062745 #48186a 0.12549 #472d7b 0.188235 #424086 0.25098 #3b528b "
                    + "0.313725 #33638d 0.376471 #2c728e 0.439216 #26828e 0.501961 #21918c 0.564706 #1fa088 "
                    + "0.627451 #28ae80 0.690196 #3fbc73 0.752941 #5ec962 0.815686 #84d44b 0.878431 #addc30 "
                    + "0.941176 #d8e219 1 #fde725"));

    private HeatmapSchemes() {
    }

    /** The stops of a named scale, or null for a name plotly does not have. */
    static List<Heatmap.Stop> named(String name) {
        String stops = name == null ? null : STOPS.get(name);
        if (stops == null) {
            return null;
        }
        String[] parts = stops.split(" ");
        List<Heatmap.Stop> scale = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            scale.add(new Heatmap.Stop(Double.parseDouble(parts[i]), Rgb.of(parts[i + 1])));
        }
        return List.copyOf(scale);
    }
}
