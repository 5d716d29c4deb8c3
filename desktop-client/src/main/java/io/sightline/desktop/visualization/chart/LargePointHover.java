package io.sightline.desktop.visualization.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.sightline.common.visualization.ChartOptions;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.ShapedChart.XKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

/**
 * The tooltip of the point nearest the pointer (within {@link HoverTooltip#REACH} pixels), saying what the other
 * charts' tooltips say: the series, the x (a date in the options' date format) and the value in the options'
 * number format. A line's points are sorted by x, so its nearest are found by a binary search around the
 * pointer's x; a scatter's, by a pass over the points drawn.
 */
final class LargePointHover {
    private final XYChart chart;
    private final ErrorDataSetRenderer renderer;
    private final XKind kind;
    private final ChartOptions options;
    private final boolean sorted;
    private final HoverTooltip tooltip = new HoverTooltip();

    private LargePointHover(XYChart chart, ErrorDataSetRenderer renderer, XKind kind, ChartOptions options,
                            boolean sorted) {
        this.chart = chart;
        this.renderer = renderer;
        this.kind = kind;
        this.options = options;
        this.sorted = sorted;
    }

    static void attach(XYChart chart, ErrorDataSetRenderer renderer, XKind kind, ChartOptions options,
                       boolean sorted) {
        LargePointHover hover = new LargePointHover(chart, renderer, kind, options, sorted);
        Node canvas = chart.getCanvas();
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover.moved(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.tooltip.hide());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> hover.tooltip.hide());
    }

    private void moved(double px, double py) {
        Axis x = chart.getXAxis();
        Axis y = chart.getYAxis();
        double reach = HoverTooltip.REACH * HoverTooltip.REACH;
        DataSet nearestSet = null;
        int nearest = -1;
        for (DataSet set : renderer.getDatasets()) {
            int n = set.getDataCount();
            int from = 0;
            int to = n;
            if (sorted && n > 0) {
                // the points within reach of the pointer's x, and one beyond each side
                from = Math.max(0, Arrays.binarySearch(set.getValues(DataSet.DIM_X), 0, n,
                        x.getValueForDisplay(px - HoverTooltip.REACH)));
                from = Math.max(0, (from < 0 ? -from - 1 : from) - 1);
                int last = Arrays.binarySearch(set.getValues(DataSet.DIM_X), 0, n,
                        x.getValueForDisplay(px + HoverTooltip.REACH));
                to = Math.min(n, (last < 0 ? -last - 1 : last) + 1);
            }
            for (int i = from; i < to; i++) {
                double dx = x.getDisplayPosition(set.get(DataSet.DIM_X, i)) - px;
                double dy = y.getDisplayPosition(set.get(DataSet.DIM_Y, i)) - py;
                double distance = dx * dx + dy * dy;
                if (distance <= reach) {
                    reach = distance;
                    nearestSet = set;
                    nearest = i;
                }
            }
        }
        if (nearestSet == null) {
            tooltip.hide();
            return;
        }
        double xValue = nearestSet.get(DataSet.DIM_X, nearest);
        double yValue = nearestSet.get(DataSet.DIM_Y, nearest);
        Object shownX = kind == XKind.DATETIME ? LocalDateTime.ofEpochSecond((long) xValue, 0, ZoneOffset.UTC)
                : (Object) xValue;
        String text = nearestSet.getName() + " \u00B7 " + ChartRenderer.label(shownX, kind, options) + ": "
                + NumberFormat.format(yValue, options.numberFormat());
        tooltip.show(chart, chart.getCanvas().localToScreen(x.getDisplayPosition(xValue),
                y.getDisplayPosition(yValue)), text);
    }
}
