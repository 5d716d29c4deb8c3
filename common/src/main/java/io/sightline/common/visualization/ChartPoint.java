package io.sightline.common.visualization;

import java.util.Map;

/**
 * One drawn point.
 *
 * @param x a {@link java.time.LocalDateTime} (date axes, UTC), a {@link Double} (number axes) or a {@link String}
 *        (categories)
 * @param value the value in the result, null for a gap (a missing value not drawn as zero)
 * @param y where the point is drawn: the value, or the top of its stack, in percent when percent values are on
 * @param base where its bar or area starts: 0, or the top of the series below it in the stack
 * @param row the result row it came from (null for a filled-in missing value), for tooltips, links and drill-through
 */
public record ChartPoint(Object x, Double value, Double y, double base, Double size, Double yError,
                         Map<String, Object> row) {

    static ChartPoint of(Object x, Double value, Double size, Double yError, Map<String, Object> row) {
        return new ChartPoint(x, value, value, 0, size, yError, row);
    }

    ChartPoint drawnAt(Double newY, double newBase) {
        return new ChartPoint(x, value, newY, newBase, size, yError, row);
    }

    ChartPoint movedTo(Object newX) {
        return new ChartPoint(newX, value, y, base, size, yError, row);
    }
}
