package io.sightline.desktop.visualization.chart;

import io.sightline.desktop.visualization.SvgExport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A box plot's outliers, the values beyond the whiskers, as rings on one canvas over the plot area rather than a
 * node each (100,000 values can have thousands, most of them on top of each other: rings on the same pixel are
 * drawn once). {@link SvgExport} writes them as circles.
 */
public final class BoxOutliers extends Canvas {

    /** A ring's radius in pixels. */
    public static final double RADIUS = 3;

    /** An outlier: its value and where its ring's centre is, in the plot area's coordinates, in its box's colour. */
    public record Dot(double value, double x, double y, Paint stroke) {
    }

    private final List<Dot> dots = new ArrayList<>();

    BoxOutliers() {
        getStyleClass().add("box-outliers");
        setMouseTransparent(true);
        getProperties().put(SvgExport.VECTOR, (Supplier<String>) this::svg);
    }

    /** Every outlier drawn, box by box. */
    public List<Dot> dots() {
        return List.copyOf(dots);
    }

    void clear(double width, double height) {
        dots.clear();
        setWidth(Math.max(0, width));
        setHeight(Math.max(0, height));
    }

    void add(double value, double x, double y, Paint stroke) {
        dots.add(new Dot(value, x, y, stroke == null ? Color.GRAY : stroke));
    }

    void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setLineWidth(1);
        Paint current = null;
        for (Dot dot : distinct()) {
            if (!dot.stroke().equals(current)) {
                current = dot.stroke();
                g.setStroke(current);
            }
            g.strokeOval(dot.x() - RADIUS, dot.y() - RADIUS, 2 * RADIUS, 2 * RADIUS);
        }
    }

    /** The rings as SVG circles (the outline {@link SvgExport} gives a circle), in this canvas's coordinates. */
    public String svg() {
        StringBuilder out = new StringBuilder();
        for (Dot dot : distinct()) {
            out.append(String.format(Locale.ROOT, "<path d=\"M%.2f %.2f a%.2f %.2f 0 1 0 %.2f 0 a%.2f %.2f 0 1 0 %.2f"
                            + " 0\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.00\"/>%n", dot.x() - RADIUS, dot.y(),
                    RADIUS, RADIUS, 2 * RADIUS, RADIUS, RADIUS, -2 * RADIUS, web(dot.stroke())));
        }
        return out.toString();
    }

    /** The dots less those within the same pixel as an earlier one of the same colour (drawn the same). */
    private List<Dot> distinct() {
        Set<Spot> seen = new HashSet<>();
        List<Dot> kept = new ArrayList<>();
        for (Dot dot : dots) {
            if (seen.add(new Spot(Math.round(dot.x()), Math.round(dot.y()), dot.stroke()))) {
                kept.add(dot);
            }
        }
        return kept;
    }

    private record Spot(long x, long y, Paint stroke) {
    }

    private static String web(Paint paint) {
        if (paint instanceof Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        }
        return "#808080";
    }
}
