package io.sightline.desktop.visualization.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.legend.spi.DefaultLegend;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.sightline.desktop.visualization.SvgExport;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A large chart (ChartFX, {@link LargeXyChart}) as vectors for the SVG export ({@link SvgExport#VECTOR}), in place of
 * pictures of its canvases: on the plot's canvas each line as polylines through the points handed to ChartFX
 * (a new one after each gap) and each scatter as one path of tiny square dots; on each axis's canvas its line, ticks,
 * tick labels and title; each legend symbol as a short line or a dot. Only what is in view is written: a line's points in view (cut at the plot's border), a
 * scatter's dots inside the plot, each tenth of a pixel once, so that 100,000 dots stay a file of about a megabyte.
 */
final class LargeChartSvg {

    private LargeChartSvg() {
    }

    /** Lets the chart's canvases say what they draw; {@code scatter} for dots, else lines. */
    static void attach(XYChart chart, ErrorDataSetRenderer renderer, boolean scatter) {
        Canvas plot = chart.getCanvas();
        plot.getProperties().put(SvgExport.VECTOR, (Supplier<String>) () -> plot(chart, renderer, scatter));
        for (Axis axis : chart.getAxes()) {
            if (axis instanceof AbstractAxis drawn) {
                drawn.getCanvas().getProperties().put(SvgExport.VECTOR, (Supplier<String>) () -> axis(chart, drawn));
            }
        }
        if (chart.getLegend() instanceof DefaultLegend legend) { // its items come and go with the data sets
            legend.getItems().forEach(item -> symbol(item, scatter));
            legend.getItems().addListener((ListChangeListener<DefaultLegend.LegendItem>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(item -> symbol(item, scatter));
                }
            });
        }
    }

    /** A legend item's symbol (a canvas) as a short line, or a dot for a scatter, in its series' colour. */
    private static void symbol(DefaultLegend.LegendItem item, boolean scatter) {
        if (item.getGraphic() instanceof Canvas symbol) {
            symbol.getProperties().put(SvgExport.VECTOR, (Supplier<String>) () -> {
                double w = symbol.getWidth();
                double h = symbol.getHeight();
                DataSetNode series = item.getSeries();
                return scatter
                        ? String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"4\" height=\"4\" fill=\"%s\"/>%n",
                        tenths(w / 2 - 2), tenths(h / 2 - 2), colour(series.getMarkerColor()))
                        : String.format(Locale.ROOT, "<path d=\"M1 %sH%s\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                        tenths(h / 2), tenths(w - 1), colour(series.getLineColor()));
            });
        }
    }

    /** The data, in the plot canvas's coordinates (those of the axes' display positions). */
    static String plot(XYChart chart, ErrorDataSetRenderer renderer, boolean scatter) {
        Canvas canvas = chart.getCanvas();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        Axis x = chart.getXAxis();
        Axis y = chart.getYAxis();
        StringBuilder out = new StringBuilder();
        for (DataSetNode node : renderer.getDatasetNodes()) {
            DataSet data = node.getDataSet();
            if (scatter) {
                dots(data, x, y, width, height, node, out);
            } else {
                lines(data, x, y, width, node, out);
            }
        }
        return out.toString();
    }

    /**
     * The line's points in view as polylines, a new one after each gap (a NaN) or run of points out of view; a piece
     * that comes into view or leaves it runs to the plot's border (cut there, so that no clip path is needed).
     */
    private static void lines(DataSet data, Axis x, Axis y, double width, DataSetNode node, StringBuilder out) {
        int n = data.getDataCount();
        double[] px = new double[n];
        double[] py = new double[n];
        boolean[] inView = new boolean[n];
        for (int i = 0; i < n; i++) {
            px[i] = x.getDisplayPosition(data.get(DataSet.DIM_X, i));
            py[i] = y.getDisplayPosition(data.get(DataSet.DIM_Y, i));
            inView[i] = Double.isFinite(py[i]) && px[i] >= 0 && px[i] <= width;
        }
        String open = String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\""
                + " stroke-linejoin=\"round\" points=\"", colour(node.getLineColor()), Math.max(1, node.getLineWidth()));
        StringBuilder piece = new StringBuilder();
        int inPiece = 0;
        for (int i = 0; i <= n; i++) {
            boolean kept = i < n && Double.isFinite(px[i]) && Double.isFinite(py[i])
                    && (inView[i] || i > 0 && inView[i - 1] || i + 1 < n && inView[i + 1]);
            if (kept) {
                double atX = px[i];
                double atY = py[i];
                if (!inView[i]) { // the neighbour of a point in view: where the segment between them meets the border
                    int other = i > 0 && inView[i - 1] ? i - 1 : i + 1;
                    double border = atX < 0 ? 0 : width;
                    atY = py[other] + (py[i] - py[other]) * (border - px[other]) / (px[i] - px[other]);
                    atX = border;
                }
                piece.append(inPiece == 0 ? "" : " ").append(tenths(atX)).append(',').append(tenths(atY));
                inPiece++;
            } else if (inPiece > 0) {
                out.append(open).append(piece).append("\"/>\n");
                piece.setLength(0);
                inPiece = 0;
            }
        }
    }

    /**
     * The scatter's dots inside the plot as one path of zero-length segments drawn with square caps as wide as ChartFX's
     * markers: a dot in about a dozen characters. Dots at the same tenth of a pixel are written once.
     */
    private static void dots(DataSet data, Axis x, Axis y, double width, double height, DataSetNode node,
                             StringBuilder out) {
        Set<Long> written = new HashSet<>();
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < data.getDataCount(); i++) {
            double px = x.getDisplayPosition(data.get(DataSet.DIM_X, i));
            double py = y.getDisplayPosition(data.get(DataSet.DIM_Y, i));
            if (!(px >= 0 && px <= width && py >= 0 && py <= height)
                    || !written.add(Math.round(px * 10) * 1_000_003L + Math.round(py * 10))) {
                continue;
            }
            d.append('M').append(tenths(px)).append(' ').append(tenths(py)).append("h0");
        }
        if (!d.isEmpty()) {
            double size = Math.max(1.5, node.getMarkerSize() * 2);
            out.append(String.format(Locale.ROOT, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\""
                    + " stroke-linecap=\"square\" d=\"", colour(node.getMarkerColor()), size)).append(d)
                    .append("\"/>\n");
        }
    }

    /** An axis's line, ticks, tick labels and title, in its canvas's coordinates. */
    static String axis(XYChart chart, AbstractAxis axis) {
        Canvas plot = chart.getCanvas();
        Canvas canvas = axis.getCanvas();
        Side side = axis.getSide();
        if (side == null || side.isCenter()) {
            return "";
        }
        boolean horizontal = side.isHorizontal();
        // outwards from the plot: down for an axis below it, left for one on its left
        double outwards = side == Side.BOTTOM || side == Side.RIGHT ? 1 : -1;
        double edge = side == Side.BOTTOM ? plot.getHeight() : side == Side.RIGHT ? plot.getWidth() : 0;
        Point2D from = local(plot, canvas, horizontal ? 0 : edge, horizontal ? edge : 0);
        Point2D to = local(plot, canvas, horizontal ? plot.getWidth() : edge, horizontal ? edge : plot.getHeight());
        Font font = axis.getTickLabelStyle().getFont();
        String fill = colour(axis.getTickLabelStyle().getFill());
        StringBuilder ticks = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        double length = axis.getTickLength();
        double gap = axis.getTickLabelGap();
        for (TickMark tick : axis.getTickMarks()) {
            Point2D at = local(plot, canvas, horizontal ? tick.getPosition() : edge,
                    horizontal ? edge : tick.getPosition());
            if (horizontal) {
                ticks.append('M').append(tenths(at.getX())).append(' ').append(tenths(at.getY())).append('v')
                        .append(tenths(outwards * length));
            } else {
                ticks.append('M').append(tenths(at.getX())).append(' ').append(tenths(at.getY())).append('h')
                        .append(tenths(outwards * length));
            }
            if (tick.isVisible() && tick.getText() != null && !tick.getText().isBlank()) {
                double lx = horizontal ? at.getX() : at.getX() + outwards * (length + gap);
                double ly = horizontal ? at.getY() + outwards * (length + gap) : at.getY();
                String anchor = horizontal ? "middle" : outwards < 0 ? "end" : "start";
                String baseline = horizontal ? outwards > 0 ? "hanging" : "auto" : "central";
                labels.append(text(lx, ly, anchor, baseline, font, fill, tick.getText(), ""));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<path d=\"M%s %sL%s %s%s\" fill=\"none\" stroke=\"#000000\""
                + " stroke-opacity=\"0.6\" stroke-width=\"1\"/>%n", tenths(from.getX()), tenths(from.getY()),
                tenths(to.getX()), tenths(to.getY()), ticks));
        out.append(labels);
        String name = axis.getName();
        if (name != null && !name.isBlank()) {
            Font titleFont = axis.getAxisLabel().getFont();
            if (horizontal) {
                double ty = outwards > 0 ? canvas.getHeight() - titleFont.getSize() / 2 : titleFont.getSize() / 2;
                out.append(text((from.getX() + to.getX()) / 2, ty, "middle", "central", titleFont, fill, name, ""));
            } else {
                double tx = outwards < 0 ? titleFont.getSize() / 2 + 2 : canvas.getWidth() - titleFont.getSize() / 2;
                double ty = (from.getY() + to.getY()) / 2;
                out.append(text(tx, ty, "middle", "central", titleFont, fill, name,
                        String.format(Locale.ROOT, " transform=\"rotate(-90 %s %s)\"", tenths(tx), tenths(ty))));
            }
        }
        return out.toString();
    }

    private static String text(double x, double y, String anchor, String baseline, Font font, String fill,
                               String text, String extra) {
        String[] lines = text.split("\n");
        String body = escape(lines[0]);
        if (lines.length > 1) { // a date's label: a line per part, as ChartFX writes it
            StringBuilder spans = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                spans.append("<tspan x=\"").append(tenths(x)).append("\" dy=\"").append(i == 0 ? "0" : "1.2em")
                        .append("\">").append(escape(lines[i])).append("</tspan>");
            }
            body = spans.toString();
        }
        return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" dominant-baseline=\"%s\""
                        + " font-family=\"%s\" font-size=\"%.1f\" fill=\"%s\"%s>%s</text>%n", tenths(x), tenths(y), anchor,
                baseline, escape(font.getFamily()), font.getSize(), fill, extra, body);
    }

    /** A point of the plot canvas in another canvas's coordinates. */
    private static Point2D local(Canvas plot, Canvas canvas, double x, double y) {
        return canvas.sceneToLocal(plot.localToScene(x, y));
    }

    /** {@code value} to a tenth, written short: {@code 12.3}, {@code 12}, {@code -0.5}. */
    static String tenths(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }

    private static String colour(Paint paint) {
        if (paint instanceof Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        }
        return "#000000";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
