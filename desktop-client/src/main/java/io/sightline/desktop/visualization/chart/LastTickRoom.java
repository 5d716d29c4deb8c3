package io.sightline.desktop.visualization.chart;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.chart.ValueAxis;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * Room on the right of a chart for the last tick label of its bottom value axis. JavaFX centres a tick label on
 * its tick, so on a horizontal (swapped-axes) chart the label of the largest value hangs half outside the plot and
 * was cut at the chart's right edge; Plotly (Redash) keeps it inside by widening the margin, and so does this.
 */
final class LastTickRoom {

    private LastTickRoom() {
    }

    static void keep(XYChart<?, ?> chart) {
        Axis<?> bottom = chart.getXAxis();
        double[] ownRight = {Double.NaN};
        bottom.getTickMarks().addListener((ListChangeListener<Axis.TickMark<?>>) change -> {
            if (Double.isNaN(ownRight[0])) {
                ownRight[0] = chart.getPadding().getRight();
            }
            double overhang = overhang(bottom, rawTicks(bottom));
            Insets padding = chart.getPadding();
            double right = Math.max(ownRight[0], Math.ceil(overhang) + 2);
            if (right != padding.getRight()) {
                chart.setPadding(new Insets(padding.getTop(), right, padding.getBottom(), padding.getLeft()));
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Axis.TickMark<?>> rawTicks(Axis<?> axis) {
        return (List) axis.getTickMarks();
    }

    /** The tick's text as the axis writes it (a new tick's own label is not filled in when the list changes). */
    @SuppressWarnings("unchecked")
    private static String label(Axis<?> axis, Object value) {
        if (axis instanceof ValueAxis<?> values && values.getTickLabelFormatter() != null) {
            return ((StringConverter<Object>) (StringConverter<?>) values.getTickLabelFormatter()).toString(value);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static double position(Axis<?> axis, Object value) {
        return ((Axis<Object>) axis).getDisplayPosition(value);
    }

    /** How far past the axis's right end the rightmost visible tick label reaches (0 when it does not). */
    static double overhang(Axis<?> axis, List<Axis.TickMark<?>> ticks) {
        if (axis.getTickLabelRotation() != 0 || !axis.isTickLabelsVisible()) {
            return 0;
        }
        double furthest = 0;
        for (Axis.TickMark<?> tick : ticks) {
            Text text = new Text(label(axis, tick.getValue()));
            text.setFont(axis.getTickLabelFont());
            // the tick's own position is set only after the list changes: ask the axis where its value falls
            double end = position(axis, tick.getValue()) + text.getLayoutBounds().getWidth() / 2;
            furthest = Math.max(furthest, end - axis.getWidth());
        }
        return furthest;
    }
}
