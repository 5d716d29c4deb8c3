package io.sightline.desktop.visualization.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * Where a line or area has no value at an x (Redash's {@code missingValuesAsZero} off, or a null in the result), it
 * leaves a gap, as plotly does ({@code connectgaps: false}). {@code javafx.scene.chart} joins all the points of a
 * series in one path, so after each layout (a zoom, a resize) the path is cut again between two points that have a
 * missing x between them, and an area's fill is closed down to zero on both sides of the gap. The series stays one
 * series: one legend entry, its colour, its tooltips.
 */
final class SeriesGaps {

    private final boolean alongY;
    private final Map<XYChart.Series<?, ?>, List<Object>> missing = new IdentityHashMap<>();

    /** @param alongY true when the x values run up the vertical axis (swapped axes) */
    SeriesGaps(boolean alongY) {
        this.alongY = alongY;
    }

    /** {@code series} has no value at {@code x} (as the chart's x axis takes it: a category, or a number). */
    void missing(XYChart.Series<?, ?> series, Object x) {
        missing.computeIfAbsent(series, s -> new ArrayList<>()).add(x);
    }

    /**
     * A point with no neighbour on either side would draw nothing in a chart without symbols: it gets its own
     * symbol, which the chart styles in its series' colour as any symbol.
     */
    static void showAlone(XYChart<?, ?> chart, XYChart.Data<?, ?> data) {
        boolean symbols = chart instanceof LineChart<?, ?> line ? line.getCreateSymbols()
                : chart instanceof AreaChart<?, ?> area && area.getCreateSymbols();
        if (!symbols) {
            data.setNode(new StackPane());
        }
    }

    /**
     * Where the series' missing x values are drawn now, along the axis of the x values (display positions, sorted);
     * empty when it misses none.
     */
    @SuppressWarnings("unchecked")
    double[] gapPositions(XYChart<?, ?> chart, XYChart.Series<?, ?> series) {
        List<Object> xs = missing.getOrDefault(series, List.of());
        Axis<Object> axis = (Axis<Object>) (alongY ? chart.getYAxis() : chart.getXAxis());
        return xs.stream().mapToDouble(axis::getDisplayPosition).filter(p -> !Double.isNaN(p)).sorted().toArray();
    }

    /** True when a gap lies between two points drawn at {@code a} and {@code b} along the x values' axis. */
    static boolean gapBetween(double[] gaps, double a, double b) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        int i = Arrays.binarySearch(gaps, low);
        int next = i >= 0 ? i + 1 : -i - 1;
        while (next < gaps.length && gaps[next] == low) {
            next++;
        }
        return next < gaps.length && gaps[next] < high;
    }

    /** Cuts the lines (and fills) of the chart's series at their gaps; called after each layout of the plot. */
    void cut(XYChart<?, ?> chart) {
        if (missing.isEmpty()) {
            return;
        }
        for (XYChart.Series<?, ?> series : chart.getData()) {
            double[] gaps = gapPositions(chart, series);
            if (gaps.length == 0) {
                continue;
            }
            Node node = series.getNode();
            if (node instanceof Path line) {
                cut(line, null, gaps);
            } else if (node instanceof Group area && area.getChildren().size() == 2
                    && area.getChildren().get(0) instanceof Path fill && area.getChildren().get(1) instanceof Path line) {
                cut(line, fill, gaps);
            }
        }
    }

    private void cut(Path line, Path fill, double[] gaps) {
        List<List<LineTo>> pieces = new ArrayList<>();
        List<LineTo> piece = new ArrayList<>();
        for (PathElement element : line.getElements()) {
            if (element instanceof LineTo to) {
                if (!piece.isEmpty() && gapBetween(gaps, along(piece.get(piece.size() - 1)), along(to))) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
                piece.add(to);
            }
        }
        if (piece.isEmpty()) {
            return;
        }
        pieces.add(piece);
        if (pieces.size() == 1) {
            return;
        }
        List<PathElement> lines = new ArrayList<>();
        for (List<LineTo> part : pieces) {
            lines.add(new MoveTo(part.get(0).getX(), part.get(0).getY()));
            lines.addAll(part.subList(1, part.size()));
        }
        if (fill != null && !fill.getElements().isEmpty() && fill.getElements().get(0) instanceof MoveTo first) {
            double zero = first.getY();
            List<PathElement> fills = new ArrayList<>();
            for (List<LineTo> part : pieces) {
                fills.add(new MoveTo(part.get(0).getX(), zero));
                part.forEach(to -> fills.add(new LineTo(to.getX(), to.getY())));
                fills.add(new LineTo(part.get(part.size() - 1).getX(), zero));
                fills.add(new ClosePath());
            }
            fill.getElements().setAll(fills);
        }
        line.getElements().setAll(lines);
    }

    private double along(LineTo to) {
        return alongY ? to.getY() : to.getX();
    }

    /** A line chart whose series leave gaps where they have no value. */
    static final class Lines<X, Y> extends LineChart<X, Y> {
        private final SeriesGaps gaps;

        Lines(Axis<X> x, Axis<Y> y, SeriesGaps gaps) {
            super(x, y);
            this.gaps = gaps;
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            gaps.cut(this);
        }
    }

    /** An (unstacked) area chart whose series leave gaps where they have no value, each piece filled to zero. */
    static final class Areas<X, Y> extends AreaChart<X, Y> {
        private final SeriesGaps gaps;

        Areas(Axis<X> x, Axis<Y> y, SeriesGaps gaps) {
            super(x, y);
            this.gaps = gaps;
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            gaps.cut(this);
        }
    }
}
