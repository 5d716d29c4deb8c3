package io.sightline.common.visualization;

import java.util.List;

/**
 * What a chart draws, whoever draws it.
 *
 * @param notes what the user should be told about the drawing (downsampling, a comparison that could not apply,
 *        values that were not numbers), in plain words
 */
public record ShapedChart(XKind xKind, List<ChartSeries> series, List<String> notes) {

    /** How the x axis reads its values. */
    public enum XKind { DATETIME, NUMBER, CATEGORY }
}
