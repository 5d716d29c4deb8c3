package io.sightline.common.visualization;

import java.util.List;

/**
 * A series as drawn.
 *
 * @param yAxis 0 the left axis, 1 the second (right) one
 * @param comparison true for the overlaid previous period (drawn shifted onto the current one)
 */
public record ChartSeries(String name, ChartOptions.SeriesType type, int yAxis, List<ChartPoint> points,
                          boolean comparison) {

    ChartSeries withPoints(List<ChartPoint> newPoints) {
        return new ChartSeries(name, type, yAxis, newPoints, comparison);
    }
}
