package io.sightline.common.visualization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * d3's ordinal colour scales as Redash's sankey, sunburst and word cloud use them ({@code d3.scale.category10/20}):
 * each new key takes the next colour of the palette, in the order keys are first asked for, cycling.
 */
public final class D3Colors {

    public static final List<String> CATEGORY10 = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");
    public static final List<String> CATEGORY20 = List.of("#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c",
            "#98df8a", "#d62728", "#ff9896", "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#e377c2", "#f7b6d2",
            "#7f7f7f", "#c7c7c7", "#bcbd22", "#dbdb8d", "#17becf", "#9edae5");

    private final List<String> palette;
    private final Map<String, String> assigned = new HashMap<>();

    public D3Colors(List<String> palette) {
        this.palette = palette;
    }

    /** The colour of a key: the same key, the same colour. */
    public String color(String key) {
        return assigned.computeIfAbsent(key, k -> palette.get(assigned.size() % palette.size()));
    }
}
